package dev.cnnbuild.core.data;

import java.nio.file.Path;

/** A file's key: its path relative to its set's folder, with {@code /} between names on every system. */
final class Keys {

    private Keys() {}

    /** Returns the key of {@code file} under {@code root}, such as {@code cat/1.png}. */
    static String of(Path root, Path file) {
        StringBuilder key = new StringBuilder();
        for (Path name : root.relativize(file)) {
            if (key.length() > 0) {
                key.append('/');
            }
            key.append(name);
        }
        return key.toString();
    }
}
