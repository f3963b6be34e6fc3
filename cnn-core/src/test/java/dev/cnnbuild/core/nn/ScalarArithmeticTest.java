package dev.cnnbuild.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScalarArithmeticTest {

    @Test
    void givesTheValuesOfDjlsArithmeticBitForBit() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomNormal(new ai.djl.ndarray.types.Shape(1000));
            assertThat(ScalarArithmetic.times(x, 0.9f).toFloatArray())
                    .containsExactly(x.mul(0.9f).toFloatArray());
            assertThat(ScalarArithmetic.dividedBy(x, 784f).toFloatArray())
                    .containsExactly(x.div(784f).toFloatArray());
            NDArray doubles = x.toType(ai.djl.ndarray.types.DataType.FLOAT64, false);
            assertThat(ScalarArithmetic.times(doubles, 1 / 3.0).toDoubleArray())
                    .containsExactly(doubles.mul(1 / 3.0).toDoubleArray());
        }
    }

    /**
     * The gradient is computed after the collector has run and freed memory has been written over: it still uses the
     * numbers given, which backward reads again.
     */
    @Test
    void backwardReadsTheNumbersAfterTheCollectorRan() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.ones(new ai.djl.ndarray.types.Shape(4));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = ScalarArithmetic.dividedBy(ScalarArithmetic.times(x, 3f), 4f);
                overwriteFreedMemory();
                collector.backward(y.sum());
            }
            assertThat(x.getGradient().toFloatArray()).containsOnly(3f / 4f);
        }
    }

    private static void overwriteFreedMemory() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            List<ByteBuffer> junk = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                ByteBuffer buffer = ByteBuffer.allocateDirect(4);
                buffer.putFloat(0, Float.NaN);
                junk.add(buffer);
            }
        }
    }
}
