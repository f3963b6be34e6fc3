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
 * });   // one AssertionError listing both failures, each message on the line after its "-- failure n --"
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
     * Collects a failure with its message starting on a line of its own, as AssertJ's own messages (which start with a
     * line break) do, so that {@link #assertAll()} (or AssertJ's {@code SoftAssertionsExtension}, which collects
     * through this method too) prints it below its {@code -- failure n --} header.
     *
     * @param error the failure
     */
    @Override
    public void collectAssertionError(AssertionError error) {
        super.collectAssertionError(onItsOwnLine(error));
    }

    private static AssertionError onItsOwnLine(AssertionError error) {
        String message = error.getMessage();
        if (message == null || message.startsWith(System.lineSeparator()) || message.startsWith("\n")) {
            return error;
        }
        AssertionError moved = new AssertionError(System.lineSeparator() + message, error.getCause());
        moved.setStackTrace(error.getStackTrace());
        return moved;
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
