package dev.cnnbuild.test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The build was told not to run the {@code cnn} goals ({@code -Dcnn.skip=true}, or the POM property, which
 * {@code cnn:train} hands the test JVM as {@code -Dcnn.skip=true} in {@code argLine}): a test that needs a model the
 * build did not train, or the natives it did not hand over, is skipped with a JUnit assumption (aborted, not failed),
 * as {@code -DskipTests} users expect. Its reason is printed once on standard output, so the build's log shows it.
 *
 * <pre>{@code
 * if (BuildSkip.active()) {
 *     throw BuildSkip.abort("model mnist-cnn was not trained");
 * }
 * }</pre>
 */
final class BuildSkip {
    /** The system property that skips every {@code cnn} goal, and so the tests of what they make. */
    static final String PROPERTY = "cnn.skip";

    private static final String ABORTED = "org.opentest4j.TestAbortedException";
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    private BuildSkip() {}

    /** Tells whether system property {@value #PROPERTY} is {@code true}. */
    static boolean active() {
        return Boolean.parseBoolean(System.getProperty(PROPERTY));
    }

    /**
     * Returns the exception that skips the test: JUnit's (opentest4j's) {@code TestAbortedException}, or a
     * {@link CnnModelException} where the test framework is not JUnit's.
     *
     * @param what what the build did not make, such as {@code "model mnist-cnn was not trained"}
     * @return the exception to throw
     */
    static RuntimeException abort(String what) {
        String message = "Skipped: " + what + " because the build skips the cnn goals (" + PROPERTY
                + "=true); build without " + PROPERTY + " to train and test the models";
        if (SAID.add(message)) {
            System.out.println("cnn-test-api: " + message);
        }
        try {
            return (RuntimeException)
                    Class.forName(ABORTED).getConstructor(String.class).newInstance(message);
        } catch (ReflectiveOperationException | LinkageError e) {
            return new CnnModelException(message);
        }
    }
}
