package dev.cnnbuild.core.spec;

import java.util.List;

/** Reads the {@code data} section of a model file. */
final class DataReader {

    /** How the {@code data} mapping looks, for messages. */
    static final String EXAMPLE = "{train: {images: ..., labels: ...}, test: {images: ..., labels: ...}}";

    private DataReader() {
    }

    /** Reads the format and the two data sets, resolving their paths against the model file's folder. */
    static DataSpec read(YamlMapping data) throws SpecException {
        data.allowOnly(List.of("format", "train", "test"));
        return new DataSpec(
                data.valueOr("format", "idx", value -> value.choice(List.of("idx"))),
                files(data, "train", "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
                files(data, "test", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"));
    }

    private static DatasetFiles files(YamlMapping data, String key, String images, String labels)
            throws SpecException {
        String example = "{images: " + images + ", labels: " + labels + "}";
        YamlMapping files = data.require(key, key + ": " + example).mapping(example);
        files.allowOnly(List.of("images", "labels"));
        return new DatasetFiles(
                files.require("images", "images: " + images).path(),
                files.require("labels", "labels: " + labels).path());
    }
}
