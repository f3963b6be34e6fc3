package dev.cnnbuild.core.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * A model file read and checked once, with what the checks found: its shapes, parameter count and training-memory
 * estimate. It is made once per model file and handed on to training, network building and the metrics, so no one
 * reads the file or infers its shapes again.
 *
 * <pre>{@code
 * CheckedModel model = CheckedModel.read(Path.of("src/main/cnn/mnist.yaml"), MemoryLimit.parse("16g"));
 * model.parameterCount();   // 123222 for the tutorial network
 * model.shapes().get(0);    // 1x28x28 -> 16x24x24
 * }</pre>
 *
 * @param spec the model file
 * @param shapes the shape going in and out of every layer, in order
 * @param parameterCount the trainable parameters
 * @param memory the memory training needs, already held to a limit
 */
public record CheckedModel(ModelSpec spec, List<LayerShape> shapes, long parameterCount, TrainingMemory memory) {

    /** Copies the shapes. */
    public CheckedModel {
        shapes = List.copyOf(shapes);
    }

    /**
     * Reads a model file and checks it: every error of the file, then its shapes, then its memory estimate.
     *
     * @param file the model file
     * @param limit the most memory training it may need
     * @return the checked model
     * @throws SpecException listing every error of the file; or naming the first layer that does not fit; or the
     *     estimate and the limit
     */
    public static CheckedModel read(Path file, MemoryLimit limit) throws SpecException {
        return read(file, limit, ModuleArtifacts.none());
    }

    /**
     * Reads a model file and checks it as {@link #read(Path, MemoryLimit)} does, its torchscript layers' artifacts
     * given the files the build resolved them to, so that their values count in the parameters and the estimate.
     *
     * @param file the model file
     * @param limit the most memory training it may need
     * @param artifacts the resolved module artifacts
     * @return the checked model
     * @throws SpecException as {@link #read(Path, MemoryLimit)}
     */
    public static CheckedModel read(Path file, MemoryLimit limit, ModuleArtifacts artifacts) throws SpecException {
        return check(artifacts.resolve(ModelSpecReader.read(file)), limit);
    }

    /**
     * Checks a model file already read.
     *
     * @param spec the model file
     * @param limit the most memory training it may need
     * @return the checked model
     * @throws SpecException naming the first layer that does not fit, or the estimate and the limit
     */
    public static CheckedModel check(ModelSpec spec, MemoryLimit limit) throws SpecException {
        List<LayerShape> shapes = ShapeInference.infer(spec);
        TrainingMemory memory = TrainingMemory.of(spec, shapes);
        memory.requireWithin(limit);
        return new CheckedModel(
                spec,
                shapes,
                shapes.stream().mapToLong(LayerShape::parameterCount).sum(),
                memory);
    }

    /** Returns the model's name. */
    public String name() {
        return spec.name();
    }
}
