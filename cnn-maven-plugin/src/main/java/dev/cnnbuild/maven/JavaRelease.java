package dev.cnnbuild.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java feature version of a {@code java} executable, read from its JDK's {@code release} file without starting
 * it, so that a JVM gets only the options it knows. It decides {@value #ENABLE_NATIVE_ACCESS}, which JDK 17 and later
 * accept and which keeps JDK 22 and later from warning that PyTorch's natives call a restricted method.
 *
 * <pre>{@code
 * if (JavaRelease.knowsNativeAccess(new File("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"))) {
 *     options.add(JavaRelease.ENABLE_NATIVE_ACCESS);
 * }
 * }</pre>
 */
final class JavaRelease {
    /** Lets the class path's code load native libraries without a warning. */
    static final String ENABLE_NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    private static final int NATIVE_ACCESS_SINCE = 17;
    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"?(1\\.)?(\\d+)", Pattern.MULTILINE);

    private JavaRelease() {}

    /**
     * Tells whether a JVM accepts {@value #ENABLE_NATIVE_ACCESS}; false where its version cannot be read.
     *
     * @param java the {@code java} executable or the JDK's folder; null for the JVM running Maven
     * @return true for Java 17 and later
     */
    static boolean knowsNativeAccess(File java) {
        return featureVersion(java).orElse(0) >= NATIVE_ACCESS_SINCE;
    }

    /**
     * Returns a JVM's feature version: 25 for {@code 25.0.3}, 8 for {@code 1.8.0_392}.
     *
     * @param java the {@code java} executable or the JDK's folder; null for the JVM running Maven
     * @return the version; empty if the JVM's {@code release} file is missing or unreadable
     */
    static OptionalInt featureVersion(File java) {
        if (java == null) {
            return OptionalInt.of(Runtime.version().feature());
        }
        try {
            Path real = java.toPath().toRealPath();
            Path home = Files.isDirectory(real) ? real : real.getParent().getParent();
            return parse(Files.readString(home.resolve("release")));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }

    /** Reads {@code JAVA_VERSION} of a {@code release} file's text. */
    static OptionalInt parse(String release) {
        Matcher matcher = JAVA_VERSION.matcher(release);
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(2))) : OptionalInt.empty();
    }
}
