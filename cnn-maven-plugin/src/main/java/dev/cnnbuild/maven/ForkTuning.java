package dev.cnnbuild.maven;

import dev.cnnbuild.core.threads.ThreadSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment and JVM options that make the forked JVM a fast compute process of bounded memory, applied by
 * default and measured in {@code docs/benchmarks.md}; a POM's {@code environmentVariables} override each variable,
 * {@code argLine} comes after the options (so {@code -XX:MaxNewSize=256m} there wins), and
 * {@code -Dcnn.tuning=false} leaves out all but {@code OMP_NUM_THREADS}.
 *
 * <ul>
 *   <li>glibc's malloc keeps freed memory instead of returning it to the kernel and faulting it back in for every
 *       batch ({@code MALLOC_MMAP_THRESHOLD_}, {@code MALLOC_TRIM_THRESHOLD_}, {@code MALLOC_TOP_PAD_}): most of
 *       the system time of a training;</li>
 *   <li>PyTorch's OpenMP threads sleep while they wait instead of spinning ({@code OMP_WAIT_POLICY=PASSIVE}), so a
 *       training that shares its cores with another process slows down in proportion instead of collapsing;</li>
 *   <li>except where the fork fits its thread count to the machine's load ({@code cnn:train}'s
 *       {@code adaptiveThreads}): there they first spin for about 0.3 ms ({@code GOMP_SPINCOUNT=30000}), which trains
 *       faster on a free machine, and the fork gives up threads while other processes are busy instead;</li>
 *   <li>the JVM's young generation is bounded ({@code -XX:MaxNewSize}): otherwise G1 lets the short-lived objects
 *       of every batch and test pass fill ever more fresh pages of its (large, unused) heap before it first
 *       collects, and the fork's resident memory grows with every epoch instead of staying flat;</li>
 *   <li>G1 grows the heap only when collections take over a fifth of the time ({@code -XX:GCTimeRatio=4}) instead of
 *       a thirteenth: with a bounded young generation, listing and hashing a large image folder collect often, and G1
 *       would grow the heap towards its maximum (a quarter of the machine's memory), whose fresh pages the young
 *       generation then moves into, though a larger heap makes those collections no rarer.</li>
 * </ul>
 *
 * <pre>{@code
 * Map<String, String> environment = ForkTuning.environment(ThreadSettings.fixed(2));   // OMP_NUM_THREADS=2, ...
 * List<String> options = ForkTuning.jvmOptions();      // [-XX:MaxNewSize=64m, -XX:GCTimeRatio=4]
 * }</pre>
 */
final class ForkTuning {
    /** Freed blocks up to 4 GiB stay in the heap instead of being unmapped. */
    static final String MMAP_THRESHOLD = "4294967296";
    /** The heap is never trimmed below 4 GiB of free space. */
    static final String TRIM_THRESHOLD = "4294967296";
    /** The heap grows 512 MiB at a time. */
    static final String TOP_PAD = "536870912";
    /** Spins of a waiting OpenMP thread before it sleeps, about 0.3 ms; libgomp's own default is ten times more. */
    static final String SPIN_COUNT = "30000";

    /**
     * The young generation's bound: a collection every 64 MB of short-lived objects, which reuses the same pages and
     * frees the native copies of the batches that died since the last one.
     */
    static final String MAX_NEW_SIZE = "-XX:MaxNewSize=64m";

    /** The share of time in collections above which G1 grows the heap: 1 / (1 + 4), a fifth. */
    static final String GC_TIME_RATIO = "-XX:GCTimeRatio=4";

    private ForkTuning() {}

    /**
     * Returns the fork's default environment for its threads, as its request states them.
     *
     * @param threads PyTorch's intra-op thread count, and whether the fork fits it to the machine's load
     * @return the variables, in a stable order
     */
    static Map<String, String> environment(ThreadSettings threads) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("OMP_NUM_THREADS", Integer.toString(threads.count()));
        environment.put("OMP_WAIT_POLICY", "PASSIVE");
        if (threads.adaptive()) {
            environment.put("GOMP_SPINCOUNT", SPIN_COUNT);
        }
        environment.put("MALLOC_MMAP_THRESHOLD_", MMAP_THRESHOLD);
        environment.put("MALLOC_TRIM_THRESHOLD_", TRIM_THRESHOLD);
        environment.put("MALLOC_TOP_PAD_", TOP_PAD);
        return environment;
    }

    /**
     * Returns the fork's default JVM options.
     *
     * @return the options, before the POM's {@code argLine}
     */
    static List<String> jvmOptions() {
        return List.of(MAX_NEW_SIZE, GC_TIME_RATIO);
    }
}
