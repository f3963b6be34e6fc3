package dev.cnnbuild.core.rules;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a limit as written in a POM: a decimal fraction such as {@code 0.98} or a percentage such as {@code 98%}. */
final class LimitText {
    private static final Pattern NUMBER =
            Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(%?)");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+\\s*%?");

    private LimitText() {}

    /**
     * Parses a limit.
     *
     * @param option what is parsed, for the message, such as {@code rule 'accuracy': minimum}
     * @param text the text, surrounding blanks ignored
     * @return the value; a percentage divided by 100
     * @throws RuleException if the text is neither form, naming a decimal comma as such
     */
    static double parse(String option, String text) throws RuleException {
        Matcher matcher = NUMBER.matcher(text.trim());
        if (DECIMAL_COMMA.matcher(text.trim()).matches()) {
            throw new RuleException(option + " '" + text + "' has a decimal comma; write a decimal point, such as "
                    + text.trim().replace(',', '.'));
        }
        if (!matcher.matches()) {
            throw new RuleException(option + " '" + text + "' is not a number; write a fraction such as 0.98"
                    + " or a percentage such as 98%");
        }
        BigDecimal value = new BigDecimal(matcher.group(1));
        double limit = (matcher.group(2).isEmpty() ? value : value.movePointLeft(2)).doubleValue();
        if (Double.isInfinite(limit)) {
            throw new RuleException(option + " '" + text + "' is too large to be a limit; write a fraction such as"
                    + " 0.98 or a percentage such as 98%");
        }
        return limit;
    }
}
