package dev.cnnbuild.core.training;

import dev.cnnbuild.core.cli.ProgressPrinter;
import dev.cnnbuild.core.data.BadImages;
import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.DecodedCache;
import dev.cnnbuild.core.data.DecodingImageStore;
import dev.cnnbuild.core.data.ImageDecoding;
import dev.cnnbuild.core.data.ImageFolderListing;
import dev.cnnbuild.core.data.ImageListing;
import dev.cnnbuild.core.data.ImageStore;
import dev.cnnbuild.core.files.Progress;
import dev.cnnbuild.core.service.TrainingRequest;
import dev.cnnbuild.core.service.TrainingService;
import dev.cnnbuild.core.spec.BadImagePolicy;
import dev.cnnbuild.core.spec.HorizontalFlipAugmentation;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import dev.cnnbuild.core.spec.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Measures the data pipeline on a folder of class folders of 224x224 images (written by
 * {@code benchmarks/data-pipeline/make_images.py}), for docs/benchmarks.md. Not a test: run it by hand with cnn-core's
 * test class path. Modes:
 *
 * <ul>
 *   <li>{@code decode}: batches of 64 decoded from the files, flipped at random, scaled to floats on the workers, no
 *       network: images/s;
 *   <li>{@code cache}: builds (or reuses) the decoded cache, printing its time and size, then the same batches read
 *       from it: images/s;
 *   <li>{@code skip}: lists the folder and opens the unchanged cache, as a rebuild does: seconds;
 *   <li>{@code train}: trains a small network for 2 epochs through the training service, printing the log (the time
 *       each epoch waited for data); run it under {@code /usr/bin/time -v} for the peak resident memory.
 * </ul>
 *
 * <pre>{@code
 * java -Xmx1g -Dai.djl.offline=true -cp "target/test-classes:target/classes:$(cat /tmp/core-cp.txt)" \
 *     dev.cnnbuild.core.training.DataPipelineBenchmark decode /tmp/pipeline 2 0
 * }</pre>
 */
public final class DataPipelineBenchmark {
    private static final InputShape INPUT = new InputShape(3, 224, 224);
    private static final int BATCH = 64;

    private DataPipelineBenchmark() {}

    /**
     * Runs one mode.
     *
     * @param args mode, working folder (with {@code images/} in it), workers, most images to read (0 for all)
     * @throws Exception if reading fails
     */
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dir = Path.of(args[1]).toAbsolutePath();
        int workers = Integer.parseInt(args[2]);
        int limit = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Path cacheFile = dir.resolve("pipeline-cache/all.images");
        switch (mode) {
            case "decode" -> {
                ImageListing listing = ImageFolderListing.list(dir.resolve("images"));
                epoch("decoding", new DecodingImageStore(listing, INPUT, ResizeMode.STRETCH), workers, limit);
            }
            case "cache" -> {
                long begin = System.nanoTime();
                ImageListing listing = ImageFolderListing.list(dir.resolve("images"));
                DecodedCache.Opened cache = openCache(cacheFile, listing, workers);
                print(
                        "cache %s in %.1f s: %s, %,d bytes",
                        cache.reason(), seconds(begin), cacheFile, Files.size(cacheFile));
                try (ImageStore store = cache.store()) {
                    epoch("from the cache", store, workers, limit);
                }
            }
            case "skip" -> {
                long begin = System.nanoTime();
                ImageListing listing = ImageFolderListing.list(dir.resolve("images"));
                double listed = seconds(begin);
                DecodedCache.Opened cache = openCache(cacheFile, listing, workers);
                cache.store().close();
                print(
                        "%,d files listed in %.2f s, cache %s, %.2f s in all",
                        listing.files().size(), listed, cache.reason(), seconds(begin));
            }
            case "train" -> train(dir, workers);
            default -> throw new IllegalArgumentException("mode decode, cache, skip or train, not " + mode);
        }
    }

    /** Opens the decoded cache of the listing, building it when there is none. */
    private static DecodedCache.Opened openCache(Path cacheFile, ImageListing listing, int workers)
            throws DatasetException {
        return DecodedCache.open(
                cacheFile,
                new ImageDecoding(
                        listing, INPUT, ResizeMode.STRETCH, workers, new BadImages(BadImagePolicy.FAIL), Progress.NONE),
                line -> {});
    }

    private static void epoch(String what, ImageStore store, int workers, int limit) throws Exception {
        int images = limit > 0 ? Math.min(limit, store.count()) : store.count();
        int batches = images / BATCH;
        long[] order = new long[store.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(7);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        Augmenter flip = new Augmenter(
                List.of(new HorizontalFlipAugmentation(0.5, new SourceLocation(Path.of("bench.yaml"), 1, 1))), 7);
        long begin = System.nanoTime();
        try (BatchStream stream = new BatchStream(store, flip, BATCH, workers, true)) {
            stream.startEpoch(order, 1, batches);
            for (int b = 0; b < batches; b++) {
                stream.recycle(stream.next());
            }
        }
        double seconds = seconds(begin);
        print(
                "pipeline %s, %d workers: %,d images in %.1f s, %.0f images/s",
                what, workers, batches * BATCH, seconds, batches * BATCH / seconds);
    }

    private static void train(Path dir, int workers) throws Exception {
        Path yaml = Files.writeString(
                dir.resolve("bench.yaml"),
                "name: bench\n"
                        + "input: {channels: 3, height: 224, width: 224}\n"
                        + "classes: "
                        + ImageFolderListing.list(dir.resolve("images"))
                                .classNames()
                                .size() + "\n"
                        + "layers:\n"
                        + "  - maxpool: {kernel: 4}\n"
                        + "  - conv2d: {filters: 8, kernel: 3}\n"
                        + "  - relu\n"
                        + "  - maxpool: {kernel: 4}\n"
                        + "  - flatten\n"
                        + "  - linear: {units: 16}\n"
                        + "  - relu\n"
                        + "  - linear: {units: "
                        + ImageFolderListing.list(dir.resolve("images"))
                                .classNames()
                                .size()
                        + "}\n"
                        + "data:\n"
                        + "  format: folder\n"
                        + "  dir: images\n"
                        + "  testSplit: 0.05\n"
                        + "  resize: stretch\n"
                        + "  workers: " + workers + "\n"
                        + "  augment:\n"
                        + "    - horizontalFlip\n"
                        + "training:\n"
                        + "  epochs: 2\n"
                        + "  batchSize: 64\n"
                        + "  optimizer: {adam: {learningRate: 0.001}}\n"
                        + "  seed: 7\n"
                        + "  device: cpu\n");
        long begin = System.nanoTime();
        new TrainingService(new ProgressPrinter(System.out::println))
                .train(TrainingRequest.of(yaml, dir.resolve("cnn")).withForce(true));
        print("trained in %.1f s", seconds(begin));
    }

    private static double seconds(long begin) {
        return (System.nanoTime() - begin) / 1e9;
    }

    private static void print(String pattern, Object... args) {
        System.out.println(String.format(Locale.ROOT, pattern, args));
    }
}
