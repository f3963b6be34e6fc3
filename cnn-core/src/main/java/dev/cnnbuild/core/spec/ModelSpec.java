package dev.cnnbuild.core.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * A whole model file: the network, its data and how to train it.
 *
 * <pre>{@code
 * ModelSpec spec = ModelSpecReader.read(Path.of("src/main/cnn/mnist.yaml"));
 * spec.name();               // "mnist-cnn"
 * spec.layers().get(0);      // Conv2dLayer[filters=16, kernel=5, stride=1, padding=0, location=...:5:5]
 * }</pre>
 *
 * @param name the model's name, made of letters, digits, '.', '_' and '-' (it becomes a directory name)
 * @param source the model file's path, as given to the reader
 * @param yaml the model file's exact text
 * @param input the shape of one input image
 * @param classes the number of classes
 * @param layers the layers in order, at least one; copied, so the spec cannot change
 * @param data where the data are
 * @param training how to train
 */
public record ModelSpec(
        String name,
        Path source,
        String yaml,
        InputShape input,
        int classes,
        List<LayerSpec> layers,
        DataSpec data,
        TrainingSpec training) {

    /**
     * Creates the spec, copying the layers.
     *
     * @param name the model's name
     * @param source the model file's path
     * @param yaml the model file's exact text
     * @param input the shape of one input image
     * @param classes the number of classes
     * @param layers the layers in order
     * @param data where the data are
     * @param training how to train
     * @throws IllegalArgumentException if there are no layers
     */
    public ModelSpec {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one layer");
        }
    }
}
