package dev.cnnbuild.core.files;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Counts the files a long task has done (listing, hashing, decoding, building a cache) and prints a line with the
 * files per second and the time left at most every 10 seconds, then one closing line if it printed any; a task
 * shorter than that prints nothing. Thread-safe: the task's threads call {@link #advance()} as they finish files.
 *
 * <pre>{@code
 * Progress progress = Progress.of("pets: decoding training images", files.size(), log::info);
 * files.parallelStream().forEach(file -> { decode(file); progress.advance(); });
 * progress.finish();
 * // pets: decoding training images: 41,000 of 90,000 files (46 %), 4,100 files/s, about 12 s left
 * // pets: decoding training images: 90,000 files in 22 s (4,090 files/s)
 * }</pre>
 */
public final class Progress {
    /** What a task that prints nothing gets. */
    public static final Progress NONE = new Progress("", 0, line -> {}, () -> 0, Long.MAX_VALUE);

    private static final long INTERVAL_NANOS = 10_000_000_000L;

    private final String task;
    private final long total;
    private final Consumer<String> out;
    private final LongSupplier clock;
    private final long intervalNanos;
    private final long start;
    private final AtomicLong done = new AtomicLong();
    private long lastLine;
    private boolean printed;

    Progress(String task, long total, Consumer<String> out, LongSupplier clock, long intervalNanos) {
        this.task = task;
        this.total = total;
        this.out = out;
        this.clock = clock;
        this.intervalNanos = intervalNanos;
        this.start = clock.getAsLong();
        this.lastLine = start;
    }

    /**
     * Starts counting a task.
     *
     * @param task what each line starts with, such as {@code pets: hashing data files}
     * @param total the files to do, or a negative number when unknown (listing), which prints no time left
     * @param out where the lines go
     * @return the progress, at 0 files
     */
    public static Progress of(String task, long total, Consumer<String> out) {
        return new Progress(task, total, out, System::nanoTime, INTERVAL_NANOS);
    }

    /** Counts one more file done. */
    public void advance() {
        advance(1);
    }

    /**
     * Counts more files done, and prints a line if the last was printed at least the interval ago.
     *
     * @param files how many more are done
     */
    public void advance(long files) {
        long count = done.addAndGet(files);
        long now = clock.getAsLong();
        if (now - lastLine < intervalNanos) {
            return;
        }
        synchronized (this) {
            if (now - lastLine < intervalNanos || (total >= 0 && count >= total)) {
                return;
            }
            lastLine = now;
            printed = true;
        }
        out.accept(line(count, now));
    }

    /** Returns the files done so far. */
    public long done() {
        return done.get();
    }

    /** Prints how many files took how long, if a progress line was printed: a short task stays silent. */
    public void finish() {
        boolean any;
        synchronized (this) {
            any = printed;
            printed = false;
        }
        if (any) {
            long count = done.get();
            double seconds = (clock.getAsLong() - start) / 1e9;
            out.accept(String.format(
                    Locale.ROOT,
                    "%s: %,d %s in %s (%,.0f files/s)",
                    task,
                    count,
                    files(count),
                    duration(seconds),
                    count / Math.max(seconds, 1e-9)));
        }
    }

    private String line(long count, long now) {
        double seconds = (now - start) / 1e9;
        double perSecond = count / Math.max(seconds, 1e-9);
        if (total < 0) {
            return String.format(Locale.ROOT, "%s: %,d %s so far, %,.0f files/s", task, count, files(count), perSecond);
        }
        String left = perSecond > 0 ? "about " + duration((total - count) / perSecond) + " left" : "time left unknown";
        return String.format(
                Locale.ROOT,
                "%s: %,d of %,d %s (%.0f %%), %,.0f files/s, %s",
                task,
                count,
                total,
                files(total),
                100.0 * count / Math.max(total, 1),
                perSecond,
                left);
    }

    /**
     * Returns a duration as the progress lines write it.
     *
     * <pre>{@code
     * Progress.duration(200);   // "3 min 20 s"
     * }</pre>
     *
     * @param seconds the duration
     * @return {@code 48 s}, {@code 3 min 20 s} or {@code 2 h 5 min}
     */
    public static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    /** The noun of a count of files; this package uses no other, so it does not borrow {@code text.Counted}. */
    private static String files(long count) {
        return count == 1 ? "file" : "files";
    }
}
