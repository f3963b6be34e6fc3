package dev.cnnbuild.core.training;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.cnnbuild.core.nn.TorchScriptBlock;
import dev.cnnbuild.core.spec.LayerShape;
import dev.cnnbuild.core.spec.SourceLocation;
import dev.cnnbuild.core.spec.TensorShape;
import java.util.Arrays;
import java.util.List;

/**
 * Runs every torchscript module once on a blank image of the shape its layer gets, before the first epoch, and
 * compares what comes out with the layer's declared {@code output}: shape inference relies on the declaration, so a
 * module that gives another shape, or does not take that input, is refused at the layer with both shapes.
 *
 * <pre>{@code
 * TorchScriptOutputCheck.check(model.shapes(), NetworkBuilder.torchScriptBlocks(network), manager);
 * // mnist.yaml:5:5: torchscript (layer 1) declares output [16], but the module gives [4, 3, 3] for one 1x8x8
 * // image; write 'output: [4, 3, 3]'
 * }</pre>
 */
final class TorchScriptOutputCheck {

    private TorchScriptOutputCheck() {}

    /**
     * Checks the modules.
     *
     * @param shapes the model's layers with their shapes
     * @param blocks the network's torchscript blocks, in layer order
     * @param manager the manager to run them with
     * @throws TrainingException at the first module whose output differs from its declaration, or that fails
     */
    static void check(List<LayerShape> shapes, List<TorchScriptBlock> blocks, NDManager manager)
            throws TrainingException {
        for (TorchScriptBlock block : blocks) {
            LayerShape shape = shapes.stream()
                    .filter(s -> s.layer() == block.layer())
                    .findFirst()
                    .orElseThrow();
            check(shape, block, manager);
        }
    }

    private static void check(LayerShape shape, TorchScriptBlock block, NDManager manager) throws TrainingException {
        SourceLocation location = block.layer().location();
        String layer = "torchscript (layer " + shape.index() + ")";
        List<Integer> inputDims = shape.input().dims();
        long[] batch = new long[inputDims.size() + 1];
        batch[0] = 1;
        for (int i = 0; i < inputDims.size(); i++) {
            batch[i + 1] = inputDims.get(i);
        }
        long[] real;
        try (NDManager scratch = manager.newSubManager()) {
            NDList output = block.module()
                    .forward(new ParameterStore(scratch, false), new NDList(scratch.zeros(new Shape(batch))), false);
            real = output.singletonOrThrow().getShape().getShape();
        } catch (EngineException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new TrainingException(location + ": " + layer + ": the module does not take one " + shape.input()
                    + " image (" + reason(e) + "); give it the input it was trained on, or put it where the"
                    + " layers before it give that shape");
        }
        long[] dims = Arrays.copyOfRange(real, 1, real.length);
        if (real.length < 2 || real[0] != 1 || !Arrays.equals(dims, declared(shape.output()))) {
            String gives = Arrays.toString(dims);
            throw new TrainingException(location + ": " + layer + " declares output "
                    + shape.output().dims()
                    + ", but the module gives " + gives + " for one " + shape.input() + " image; write 'output: "
                    + gives + "'");
        }
    }

    private static long[] declared(TensorShape output) {
        return output.dims().stream().mapToLong(Integer::longValue).toArray();
    }

    /** The engine's reason: the last line naming an error, else the first line. */
    private static String reason(Exception e) {
        String message = String.valueOf(e.getMessage());
        return message.lines()
                .filter(line -> line.contains("Error"))
                .reduce((a, b) -> b)
                .orElse(message.lines().findFirst().orElse(message));
    }
}
