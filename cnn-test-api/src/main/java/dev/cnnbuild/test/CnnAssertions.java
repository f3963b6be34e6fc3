package dev.cnnbuild.test;

/**
 * The entry point of the model assertions. Import it statically beside AssertJ's {@code Assertions}: the two
 * {@code assertThat} methods overload each other.
 *
 * <pre>{@code
 * import static dev.cnnbuild.test.CnnAssertions.assertThat;
 *
 * assertThat(model).as("release gate").hasTestAccuracyAbove(0.98).everyClassHasAccuracyAbove(0.95);
 * }</pre>
 */
public final class CnnAssertions {

    private CnnAssertions() {}

    /**
     * Starts assertions on a model.
     *
     * @param actual the model
     * @return the assertions
     */
    public static CnnModelAssert assertThat(CnnModel actual) {
        return new CnnModelAssert(actual);
    }
}
