package dev.cnnbuild.core.spec;

import java.util.Locale;

/**
 * What {@code data.resize} does with an image whose size differs from the model's {@code input}.
 *
 * <pre>{@code
 * data:
 *   resize: crop   # scale the short side to fit, then cut the centre
 * }</pre>
 */
public enum ResizeMode {
    /** Refuse it: an error names the file and both sizes (the default). */
    NONE,
    /** Scale it to the input's height and width, whatever its aspect ratio. */
    STRETCH,
    /** Scale it so that it covers the input, keeping its aspect ratio, then cut the centre. */
    CROP;

    /** Returns the word of the model file: {@code none}, {@code stretch} or {@code crop}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
