package dev.cnnbuild.core.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A 1x1 convolution with a stride above 1 and no padding that, on the CPU with fewer than 16 input channels, picks
 * every stride-th pixel itself and convolves the picked pixels with stride 1: the same sums, in the same order.
 *
 * <p>Why: the oneDNN of PyTorch 2.5.1 computes the weight gradient of a strided 1x1 convolution on channels-last input
 * by first copying the strided pixels into a per-thread workspace, and with fewer input channels than its kernels'
 * channel block (8 with AVX2, 16 with AVX-512) it writes past that workspace: with 1 thread it corrupts the native heap
 * (the JVM dies in backward); with more, oneDNN's issue 6035 reports wrong gradients and hangs. With stride 1 no
 * workspace is used. From 16 input channels on, and on a GPU, the convolution runs as {@link Conv2d} does.
 * The parameters, their initialization and the saved file are those of {@link Conv2d}.
 *
 * <pre>{@code
 * Block shortcut = new StridedPointwiseConv2d(Conv2d.builder()
 *         .setFilters(8).setKernelShape(new Shape(1, 1)).optStride(new Shape(2, 2)).optBias(false));
 * }</pre>
 */
final class StridedPointwiseConv2d extends Conv2d {
    /** Input channels from which oneDNN's strided 1x1 kernels are correct on every instruction set. */
    static final long SAFE_CHANNELS = 16;

    /**
     * Builds the convolution.
     *
     * @param builder a 1x1 convolution's builder, its stride above 1 and its padding 0
     */
    StridedPointwiseConv2d(Conv2d.Builder builder) {
        super(builder);
    }

    /** Returns whether a convolution with this kernel, stride and padding is one this class must run. */
    static boolean needed(int kernel, int stride, int padding) {
        return kernel == 1 && stride > 1 && padding == 0;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        Device device = input.getDevice();
        if (device.isGpu() || input.getShape().get(1) >= SAFE_CHANNELS) {
            return super.forwardInternal(parameterStore, inputs, training, params);
        }
        // autograd keeps the picked pixels for the weight's gradient; the handle goes, as a layer's output does
        try (NDArray picked = input.get(new NDIndex(":, :, ::{}, ::{}", stride.get(0), stride.get(1)))) {
            return Conv2d.conv2d(
                    picked,
                    parameterStore.getValue(weight, device, training),
                    parameterStore.getValue(bias, device, training),
                    new Shape(1, 1),
                    padding,
                    dilation,
                    groups);
        }
    }
}
