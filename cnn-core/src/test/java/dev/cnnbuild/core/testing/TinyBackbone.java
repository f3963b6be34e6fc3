package dev.cnnbuild.core.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A model file for the tiny data whose first layer is a pretrained TorchScript backbone, {@code backbone8.pt} (written
 * by {@code src/test/resources/torchscript/make_backbones.py}: one 1x8x8 image becomes 16 features), under a new
 * two-class linear head.
 *
 * <pre>{@code
 * Path yaml = TinyBackbone.writeModel(dir, "{file: backbone.pt, output: [16], trainable: false}", 3);
 * }</pre>
 */
public final class TinyBackbone {
    /** The test modules' class path folder. */
    public static final String RESOURCES = "/torchscript/";

    private TinyBackbone() {}

    /**
     * Writes the tiny data, {@code backbone.pt} (a copy of {@code backbone8.pt}) and {@code tuned.yaml} into
     * {@code dir}.
     *
     * @param dir the folder
     * @param torchscript the torchscript layer's parameters, such as {@code {file: backbone.pt, output: [16],
     *     trainable: false}}
     * @param epochs the training epochs
     * @return the model file
     */
    public static Path writeModel(Path dir, String torchscript, int epochs) throws IOException {
        TinyDataset.writeData(dir);
        copy("backbone8.pt", dir.resolve("backbone.pt"));
        String yaml = "name: tuned\n"
                + "input: {channels: 1, height: 8, width: 8}\n"
                + "classes: 2\n"
                + "layers:\n"
                + "  - torchscript: " + torchscript + "\n"
                + "  - linear: {units: 2}\n"
                + "data:\n"
                + "  train: {images: train-images.idx3.gz, labels: train-labels.idx1.gz}\n"
                + "  test: {images: test-images.idx3.gz, labels: test-labels.idx1.gz}\n"
                + "training:\n"
                + "  epochs: " + epochs + "\n"
                + "  batchSize: 16\n"
                + "  optimizer: {adam: {learningRate: 0.01}}\n"
                + "  seed: 7\n"
                + "  device: cpu\n";
        return Files.writeString(dir.resolve("tuned.yaml"), yaml);
    }

    /**
     * Copies one of the test modules.
     *
     * @param resource its file name, such as {@code backbone8.pt} or {@code not-torchscript.pt}
     * @param target where to copy it, replacing what is there
     */
    public static void copy(String resource, Path target) throws IOException {
        try (InputStream in = TinyBackbone.class.getResourceAsStream(RESOURCES + resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
