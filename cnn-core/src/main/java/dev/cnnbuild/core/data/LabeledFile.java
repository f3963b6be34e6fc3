package dev.cnnbuild.core.data;

import java.nio.file.Path;

/**
 * One image file of a data set and its class.
 *
 * <pre>{@code
 * LabeledFile file = new LabeledFile(Path.of("/p/images/train/cat/1.png"), "cat/1.png", 0);
 * }</pre>
 *
 * @param file the image file, absolute
 * @param key the file's path relative to its set's folder (or its CSV file's folder), with {@code /} between names;
 *     how the fingerprint and the held-out test list name it
 * @param label the class index
 */
public record LabeledFile(Path file, String key, int label) {}
