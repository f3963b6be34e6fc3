package dev.cnnbuild.test;

/**
 * The assertions on a {@link CnnModel}; get one from {@link CnnAssertions#assertThat(CnnModel)}.
 *
 * <pre>{@code
 * CnnAssertions.assertThat(model).hasTestAccuracyAbove(0.98).hasParameterCountBelow(200_000);
 * }</pre>
 */
public class CnnModelAssert extends AbstractCnnModelAssert<CnnModelAssert, CnnModel> {

    /**
     * Creates the assertion.
     *
     * @param actual the model
     */
    public CnnModelAssert(CnnModel actual) {
        super(actual, CnnModelAssert.class);
    }
}
