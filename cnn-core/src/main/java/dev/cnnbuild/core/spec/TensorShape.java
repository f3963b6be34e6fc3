package dev.cnnbuild.core.spec;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shape of what one image becomes after a layer, without the batch dimension.
 *
 * <pre>{@code
 * TensorShape shape = TensorShape.of(16, 24, 24);
 * shape.toString();   // "16x24x24"
 * shape.size();       // 9216
 * shape.isFlat();     // false; TensorShape.of(576).isFlat() is true
 * }</pre>
 *
 * @param dims the dimensions, channels first; at least one, each positive
 */
public record TensorShape(List<Integer> dims) {

    /**
     * Creates the shape, copying the dimensions.
     *
     * @param dims the dimensions, channels first
     * @throws IllegalArgumentException if there are no dimensions or one is not positive
     */
    public TensorShape {
        dims = List.copyOf(dims);
        if (dims.isEmpty() || dims.stream().anyMatch(dim -> dim <= 0)) {
            throw new IllegalArgumentException("a tensor shape needs positive dimensions, but was " + dims);
        }
    }

    /**
     * Creates a shape from its dimensions.
     *
     * @param dims the dimensions, channels first
     * @return the shape
     */
    public static TensorShape of(int... dims) {
        return new TensorShape(Arrays.stream(dims).boxed().toList());
    }

    /**
     * The number of values in the shape.
     *
     * @return the product of the dimensions
     * @throws ArithmeticException if the product does not fit an {@code int}
     */
    public int size() {
        int size = 1;
        for (int dim : dims) {
            size = Math.multiplyExact(size, dim);
        }
        return size;
    }

    /**
     * Whether the shape is a flat vector, as a linear layer needs.
     *
     * @return true if there is one dimension
     */
    public boolean isFlat() {
        return dims.size() == 1;
    }

    /**
     * One dimension.
     *
     * @param i the 0-based index, 0 for the channels of an image
     * @return the dimension
     */
    public int dim(int i) {
        return dims.get(i);
    }

    /**
     * Formats the shape as in the error messages.
     *
     * @return the dimensions joined by 'x', such as {@code 16x24x24}
     */
    @Override
    public String toString() {
        return dims.stream().map(String::valueOf).collect(Collectors.joining("x"));
    }
}
