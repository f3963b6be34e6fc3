package dev.cnnbuild.core.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.ForwardingImageStore;
import dev.cnnbuild.core.data.HeapImageStore;
import dev.cnnbuild.core.data.ImageSet;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.data.LabeledImages;
import dev.cnnbuild.core.nn.ImageTensors;
import dev.cnnbuild.core.spec.ColorJitterAugmentation;
import dev.cnnbuild.core.spec.HorizontalFlipAugmentation;
import dev.cnnbuild.core.spec.RandomCropAugmentation;
import dev.cnnbuild.core.spec.RotationAugmentation;
import dev.cnnbuild.core.spec.SourceLocation;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Batches prepared on workers come in order and are the same, bit for bit, with 1 worker and with 4: the images of
 * the epoch's order, augmented by the epoch and the batch's index, scaled as {@link ImageTensors} scales them.
 */
class BatchStreamTest {
    private static final SourceLocation HERE = new SourceLocation(Path.of("m.yaml"), 1, 1);
    private static final int COUNT = 100;
    private static final int BATCH = 8;

    private final ImageStore store = new HeapImageStore(randomImages(COUNT, 3, 6, 6, 11));
    private final Augmenter augmenter = new Augmenter(
            List.of(
                    new RandomCropAugmentation(1, HERE),
                    new HorizontalFlipAugmentation(0.5, HERE),
                    new RotationAugmentation(10, HERE),
                    new ColorJitterAugmentation(0.2, 0.2, HERE)),
            42);

    @Test
    void oneAndFourWorkersGiveTheSameBatchesInOrderEpochAfterEpoch() throws Exception {
        List<byte[]> one = epochs(1);
        List<byte[]> four = epochs(4);

        assertThat(four).hasSize(2 * (COUNT / BATCH));
        for (int i = 0; i < one.size(); i++) {
            assertThat(four.get(i)).as("batch %d", i).isEqualTo(one.get(i));
        }
    }

    @Test
    void eachBatchHoldsTheEpochsImagesAugmentedAsTheAugmenterDoesAlone() throws Exception {
        long[] order = order(3);
        for (boolean scale : new boolean[] {false, true}) {
            try (BatchStream stream = new BatchStream(store, augmenter, BATCH, 3, scale)) {
                stream.startEpoch(order, 5, 4);
                for (int b = 0; b < 4; b++) {
                    BatchStream.Batch batch = stream.next();
                    int[] indices = new int[BATCH];
                    for (int i = 0; i < BATCH; i++) {
                        indices[i] = (int) order[b * BATCH + i];
                    }
                    ImageSet expected = store.gather(indices);
                    augmenter.augment(expected, 5, b);
                    assertThat(batch.picked()).containsExactly(Arrays.copyOfRange(order, b * BATCH, (b + 1) * BATCH));
                    assertThat(batch.count()).isEqualTo(BATCH);
                    if (scale) {
                        assertThat(batch.bytes())
                                .as("scaled batches hand out floats alone")
                                .isNull();
                        assertThat(floats(batch.floats()))
                                .isEqualTo(floats(ImageTensors.channelsLastFloats(expected, 0, BATCH, null)));
                    } else {
                        assertThat(batch.floats()).isNull();
                        assertThat(bytes(batch.bytes())).isEqualTo(expected.pixels());
                    }
                    stream.recycle(batch);
                }
                assertThat(stream.waitedNanos()).isNotNegative();
            }
        }
    }

    @Test
    void recycledArraysAreReusedSoAnEpochHoldsNoMoreThanTheDepthAndOneOfThem() throws Exception {
        for (boolean scale : new boolean[] {false, true}) {
            Set<Object> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
            try (BatchStream stream = new BatchStream(store, augmenter, BATCH, 2, scale)) {
                for (int epoch = 1; epoch <= 2; epoch++) {
                    stream.startEpoch(order(epoch), epoch, COUNT / BATCH);
                    for (int b = 0; b < COUNT / BATCH; b++) {
                        BatchStream.Batch batch = stream.next();
                        arrays.add(scale ? batch.floats() : batch.bytes());
                        stream.recycle(batch);
                    }
                }
                assertThat(arrays)
                        .as("arrays for %d batches, scaled: %s", 2 * (COUNT / BATCH), scale)
                        .hasSizeLessThanOrEqualTo(stream.depth() + 1);
            }
        }
    }

    @Test
    void anImageThatCannotBeReadStopsTheEpochWithItsMessage() {
        HeapImageStore images = new HeapImageStore(randomImages(COUNT, 1, 4, 4, 3));
        ImageStore failing = new ForwardingImageStore(images) {
            @Override
            public Optional<String> fileName(int index) {
                return Optional.empty();
            }

            @Override
            public void read(int index, byte[] target, int offset) throws DatasetException {
                if (index == 42) {
                    throw new DatasetException("cache.images: image 42 cannot be read (disk error)");
                }
                super.read(index, target, offset);
            }
        };
        long[] order = new long[COUNT];
        for (int i = 0; i < COUNT; i++) {
            order[i] = i;
        }

        assertThatThrownBy(() -> {
                    try (BatchStream stream = new BatchStream(failing, augmenter, BATCH, 2, false)) {
                        stream.startEpoch(order, 1, COUNT / BATCH);
                        for (int b = 0; b < COUNT / BATCH; b++) {
                            stream.next();
                        }
                    }
                })
                .isInstanceOf(TrainingException.class)
                .hasMessage("cache.images: image 42 cannot be read (disk error)");
    }

    private List<byte[]> epochs(int workers) throws Exception {
        List<byte[]> batches = new ArrayList<>();
        try (BatchStream stream = new BatchStream(store, augmenter, BATCH, workers, true)) {
            for (int epoch = 1; epoch <= 2; epoch++) {
                stream.startEpoch(order(epoch), epoch, COUNT / BATCH);
                for (int b = 0; b < COUNT / BATCH; b++) {
                    BatchStream.Batch batch = stream.next();
                    ByteBuffer floats = batch.floats();
                    byte[] copy = new byte[floats.remaining()];
                    floats.duplicate().get(copy);
                    batches.add(copy);
                    stream.recycle(batch);
                }
            }
        }
        return batches;
    }

    private static long[] order(long seed) {
        List<Long> shuffled = new ArrayList<>();
        for (long i = 0; i < COUNT; i++) {
            shuffled.add(i);
        }
        Collections.shuffle(shuffled, new Random(seed));
        return shuffled.stream().mapToLong(Long::longValue).toArray();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] values = new byte[buffer.remaining()];
        buffer.duplicate().get(values);
        return values;
    }

    private static float[] floats(ByteBuffer buffer) {
        float[] values = new float[buffer.remaining() / Float.BYTES];
        buffer.duplicate().order(buffer.order()).asFloatBuffer().get(values);
        return values;
    }

    private static LabeledImages randomImages(int count, int channels, int height, int width, long seed) {
        byte[] pixels = new byte[count * channels * height * width];
        new Random(seed).nextBytes(pixels);
        return new LabeledImages(new ImageSet(count, channels, height, width, pixels), new int[count]);
    }
}
