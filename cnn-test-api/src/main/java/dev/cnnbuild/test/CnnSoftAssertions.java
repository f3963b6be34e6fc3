package dev.cnnbuild.test;

import java.util.function.Consumer;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Model assertions that collect their failures instead of stopping at the first, and report them all in
 * {@link #assertAll()}; AssertJ's {@code SoftAssertionsExtension} injects them too.
 *
 * <pre>{@code
 * CnnSoftAssertions.assertSoftly(softly -> {
 *     softly.assertThat(model).hasTestAccuracyAbove(0.99);
 *     softly.assertThat(model).everyClassHasAccuracyAbove(0.97);
 * });   // one AssertionError listing both failures
 * }</pre>
 */
public class CnnSoftAssertions extends AbstractSoftAssertions {

    /**
     * Starts soft assertions on a model.
     *
     * @param actual the model
     * @return the assertions, whose failures are collected
     */
    public CnnModelAssert assertThat(CnnModel actual) {
        return proxy(CnnModelAssert.class, CnnModel.class, actual);
    }

    /**
     * Runs the soft assertions of {@code softly}, then fails with all their failures, if any.
     *
     * @param softly the assertions
     */
    public static void assertSoftly(Consumer<CnnSoftAssertions> softly) {
        SoftAssertionsProvider.assertSoftly(CnnSoftAssertions.class, softly);
    }
}
