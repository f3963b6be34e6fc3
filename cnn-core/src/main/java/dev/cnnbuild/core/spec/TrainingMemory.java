package dev.cnnbuild.core.spec;

import java.util.List;
import java.util.Locale;

/**
 * An estimate of the memory that training a model needs, from its shapes alone, so that a network the machine
 * cannot hold is refused before any data is read. The estimate counts 4-byte floats: every parameter four times
 * (the weight, its gradient and the optimizer's two moments) and every activation value of a batch three times
 * (the value, its gradient and the engine's working copy).
 *
 * <pre>{@code
 * TrainingMemory memory = TrainingMemory.of(spec, ShapeInference.infer(spec));
 * memory.bytes();                                   // about 3 MB for the tutorial network
 * memory.requireWithin(MemoryLimit.machine());      // SpecException when it is more
 * }</pre>
 *
 * @param spec the model
 * @param parameters the trainable parameters, as a double so that absurd sizes do not overflow
 * @param activations the values that one image produces going through the layers, input included
 * @param largest the layer that needs the most memory, named in the message
 */
public record TrainingMemory(ModelSpec spec, double parameters, double activations, LayerShape largest) {
    private static final int FLOAT_BYTES = 4;
    private static final int COPIES_PER_PARAMETER = 4;
    private static final int COPIES_PER_ACTIVATION = 3;

    /**
     * Estimates a model's training memory.
     *
     * @param spec the model
     * @param shapes its shapes, as {@link ShapeInference#infer} finds them
     * @return the estimate
     */
    public static TrainingMemory of(ModelSpec spec, List<LayerShape> shapes) {
        double parameters = 0;
        double activations = shapes.get(0).input().size();
        LayerShape largest = shapes.get(0);
        double largestBytes = -1;
        for (LayerShape shape : shapes) {
            double layerParameters = shape.parameters();
            parameters += layerParameters;
            activations += shape.activations();
            double bytes =
                    bytes(layerParameters, shape.activations(), spec.training().batchSize());
            if (bytes > largestBytes) {
                largest = shape;
                largestBytes = bytes;
            }
        }
        return new TrainingMemory(spec, parameters, activations, largest);
    }

    /** Returns the estimate in bytes. */
    public double bytes() {
        return bytes(parameters, activations, spec.training().batchSize());
    }

    /**
     * Checks the estimate against a limit.
     *
     * @param limit the most memory allowed
     * @throws SpecException at the layer that needs the most, with the estimate, its parts and the limit
     */
    public void requireWithin(MemoryLimit limit) throws SpecException {
        if (bytes() <= limit.bytes()) {
            return;
        }
        throw SpecException.at(
                largest.layer().location(),
                String.format(
                        Locale.ROOT,
                        "training this model needs"
                                + " about %s (%,.0f parameters, %,.0f activation values per image in batches of %,d), more than the"
                                + " limit of %s (%s); layer %d (%s) needs the most, make it smaller, or raise the limit with"
                                + " -D%s=SIZE (such as 64g) if the machine can hold it",
                        size(bytes()),
                        parameters,
                        activations,
                        spec.training().batchSize(),
                        size(limit.bytes()),
                        limit.source(),
                        largest.index(),
                        largest.layer().type(),
                        MemoryLimit.PROPERTY));
    }

    private static double bytes(double parameters, double activations, int batchSize) {
        return FLOAT_BYTES * (COPIES_PER_PARAMETER * parameters + COPIES_PER_ACTIVATION * activations * batchSize);
    }

    private static String size(double bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        int unit = 0;
        double value = bytes;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0
                ? String.format(Locale.ROOT, "%.0f bytes", value)
                : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
