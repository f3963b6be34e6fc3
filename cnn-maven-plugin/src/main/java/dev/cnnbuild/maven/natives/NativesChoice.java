package dev.cnnbuild.maven.natives;

import java.util.Arrays;
import java.util.Locale;

/**
 * The {@code natives} parameter: {@code auto}, {@code cpu}, {@code cuda}, or the
 * {@code groupId:artifactId:version:classifier} of a native artifact, such as one hosted by a repository manager.
 *
 * <pre>{@code
 * NativesChoice.parse("auto").kind()                                         // Kind.AUTO
 * NativesChoice.parse("com.acme:pytorch-native-rocm:2.5.1:linux-x86_64")     // Kind.EXPLICIT
 * }</pre>
 *
 * @param kind which choice
 * @param coordinates the coordinates of an explicit choice, {@code null} otherwise
 */
public record NativesChoice(Kind kind, String coordinates) {

    /** The kinds of choice. */
    public enum Kind {
        /** CUDA natives when a usable NVIDIA GPU is found, the platform's CPU natives otherwise. */
        AUTO,
        /** The platform's CPU natives. */
        CPU,
        /** The CUDA natives; an error without a usable NVIDIA GPU. */
        CUDA,
        /** The coordinates given. */
        EXPLICIT
    }

    /**
     * Reads the parameter.
     *
     * @param text {@code auto}, {@code cpu}, {@code cuda} or {@code groupId:artifactId:version:classifier}
     * @return the choice
     * @throws NativesException if the text is none of them
     */
    public static NativesChoice parse(String text) throws NativesException {
        String trimmed = text == null ? "" : text.trim();
        switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "auto":
                return new NativesChoice(Kind.AUTO, null);
            case "cpu":
                return new NativesChoice(Kind.CPU, null);
            case "cuda":
                return new NativesChoice(Kind.CUDA, null);
            default:
                String[] parts = trimmed.split(":", -1);
                if (parts.length == 4 && Arrays.stream(parts).noneMatch(String::isBlank)) {
                    return new NativesChoice(Kind.EXPLICIT, trimmed);
                }
                throw new NativesException("<natives> (-Dcnn.natives) is '" + trimmed + "', but must be auto, cpu,"
                        + " cuda or groupId:artifactId:version:classifier, such as"
                        + " ai.djl.pytorch:pytorch-native-cpu:2.5.1:linux-x86_64");
        }
    }

    /** Returns the choice as written in the POM. */
    public String text() {
        return kind == Kind.EXPLICIT ? coordinates : kind.name().toLowerCase(Locale.ROOT);
    }
}
