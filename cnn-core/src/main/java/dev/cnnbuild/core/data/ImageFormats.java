package dev.cnnbuild.core.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Which files are images, by extension, and which are ignored: PNG, JPEG, BMP, GIF and WebP are read; hidden files and
 * folders (names starting with {@code .}) are not even counted.
 *
 * <pre>{@code
 * ImageFormats.isImage(Path.of("cat/1.JPG"));   // true
 * ImageFormats.isHidden(Path.of(".DS_Store"));  // true
 * }</pre>
 */
public final class ImageFormats {
    /** The extensions read, in lower case. */
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "gif", "webp");

    private ImageFormats() {}

    /** Returns whether the file's extension is one of {@link #EXTENSIONS}, ignoring case. */
    public static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Returns whether the file or folder name starts with a dot. */
    public static boolean isHidden(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().startsWith(".");
    }
}
