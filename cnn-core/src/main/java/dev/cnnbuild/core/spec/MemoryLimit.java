package dev.cnnbuild.core.spec;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The most memory a training run may need, by {@link TrainingMemory}'s estimate: {@code cnn:train}'s
 * {@code memoryLimit} parameter (property {@value #PROPERTY}) when set, else the machine's physical memory. A size is
 * written in bytes or with a unit: {@code 512m}, {@code 16g}, {@code 1t}. Maven's JVM parses it and hands it to the
 * fork in its request.
 *
 * <pre>{@code
 * MemoryLimit.parse("16g").bytes();   // 17179869184
 * MemoryLimit.machine();              // this machine's memory
 * }</pre>
 *
 * @param bytes the limit in bytes
 * @param source where it comes from, for messages: {@code -Dcnn.memoryLimit=16g} or {@code this machine's memory}
 */
public record MemoryLimit(long bytes, String source) {
    /** The Maven property of the {@code memoryLimit} parameter, which messages name. */
    public static final String PROPERTY = "cnn.memoryLimit";

    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})\\s*([kmgt]?)b?", Pattern.CASE_INSENSITIVE);

    /**
     * Reads a size.
     *
     * @param text digits, optionally followed by {@code k}, {@code m}, {@code g} or {@code t} (powers of 1024)
     * @return the limit
     * @throws IllegalArgumentException naming the text and the accepted forms
     */
    public static MemoryLimit parse(String text) {
        Matcher matcher = SIZE.matcher(text == null ? "" : text.trim());
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw new IllegalArgumentException(PROPERTY + " '" + text + "' is not a memory size; write a whole number"
                    + " of bytes above 0, or one with a unit, such as 512m, 16g or 1t");
        }
        int shift = 10 * "kmgt".indexOf(matcher.group(2).toLowerCase(Locale.ROOT)) + 10;
        long value = Long.parseLong(matcher.group(1));
        long bytes =
                matcher.group(2).isEmpty() ? value : value > Long.MAX_VALUE >> shift ? Long.MAX_VALUE : value << shift;
        return new MemoryLimit(bytes, "-D" + PROPERTY + "=" + text.trim());
    }

    /**
     * Returns the limit where none is set: the machine's physical memory.
     *
     * @return the machine's physical memory, or no limit where the JVM cannot tell it
     */
    public static MemoryLimit machine() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean machine) {
            return new MemoryLimit(machine.getTotalMemorySize(), "this machine's memory");
        }
        return new MemoryLimit(Long.MAX_VALUE, "no limit known");
    }
}
