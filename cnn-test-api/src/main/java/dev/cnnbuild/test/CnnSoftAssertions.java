package dev.cnnbuild.test;

import java.util.List;
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
     * Returns the failures as {@link #assertAll()} reports them: each message starts on a line of its own, below its
     * {@code -- failure n --} header, as AssertJ's own messages (which start with a line break) do.
     *
     * @return the collected failures
     */
    @Override
    public List<AssertionError> assertionErrorsCollected() {
        return super.assertionErrorsCollected().stream().map(CnnSoftAssertions::onItsOwnLine).toList();
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
