package dev.cnnbuild.core.spec;

/**
 * How image files and their labels are laid out: {@code folder} (one subfolder per class, as torchvision's and DJL's
 * {@code ImageFolder}) or {@code csv} (a file of {@code path,label} rows).
 *
 * <pre>{@code
 * ImageLayout.FOLDER.key();   // "dir": the key that names a set, as in train: {dir: images/train}
 * }</pre>
 */
public enum ImageLayout {
    /** One subfolder per class; class names are the folder names, sorted. */
    FOLDER("folder", "dir", "images/train"),
    /** A CSV file with a header and {@code path,label} rows; paths relative to the file. */
    CSV("csv", "file", "labels/train.csv");

    private final String format;
    private final String key;
    private final String example;

    ImageLayout(String format, String key, String example) {
        this.format = format;
        this.key = key;
        this.example = example;
    }

    /** Returns the value of {@code data.format}: {@code folder} or {@code csv}. */
    public String format() {
        return format;
    }

    /** Returns the key that names where a set is: {@code dir} or {@code file}. */
    public String key() {
        return key;
    }

    /** Returns an example path for messages, such as {@code images/train}. */
    public String example() {
        return example;
    }
}
