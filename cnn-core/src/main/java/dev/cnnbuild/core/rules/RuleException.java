package dev.cnnbuild.core.rules;

/**
 * A rule that cannot be used as configured: an unknown metric, a limit that is not a number, a label on a metric of
 * the whole model. The message says what is wrong and what is accepted.
 *
 * <pre>{@code
 * try {
 *     Rule.builder("accuracy").minimum("0,98").build();
 * } catch (RuleException e) {
 *     // rule 'accuracy': minimum '0,98' is not a number; write a fraction such as 0.98 or a percentage such as 98%
 * }
 * }</pre>
 */
public class RuleException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong and how to fix it
     */
    public RuleException(String message) {
        super(message);
    }
}
