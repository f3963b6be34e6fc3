package dev.cnnbuild.core.threads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The CPU time the whole machine and this process have used so far, read from Linux's {@code /proc/stat} and
 * {@code /proc/self/stat}, in clock ticks of 1/100 s (Linux's {@code USER_HZ}). Two readings tell how many
 * processors other processes kept busy in between.
 *
 * <pre>{@code
 * CpuTimes before = CpuTimes.read().orElseThrow();
 * Thread.sleep(1000);
 * double others = CpuTimes.read().orElseThrow().othersSince(before);   // 1.0: another process used one processor
 * }</pre>
 *
 * @param machineBusyTicks the time all processors spent on anything but idling and waiting for I/O, stolen time
 *     included
 * @param processTicks the time this process spent, in user and system mode
 * @param nanoTime {@link System#nanoTime()} when read
 */
public record CpuTimes(long machineBusyTicks, long processTicks, long nanoTime) {
    /** Linux's {@code USER_HZ}, the unit of both files on every architecture the PyTorch natives exist for. */
    static final double TICKS_PER_SECOND = 100;

    private static final Path MACHINE = Path.of("/proc/stat");
    private static final Path PROCESS = Path.of("/proc/self/stat");

    /**
     * Reads both files now.
     *
     * @return the times, or nothing where the files are not there (not Linux) or not as expected
     */
    public static Optional<CpuTimes> read() {
        try {
            return parse(Files.readString(MACHINE), Files.readString(PROCESS), System.nanoTime());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Tells whether other processes' use of this JVM's processors can be measured: the files can be read, and
     * {@code /proc/stat} lists exactly the processors this JVM may use. In a container limited to some of the
     * host's processors it lists them all, and their load would be taken for competition.
     *
     * @return whether {@link #read()} gives figures that mean what {@link #othersSince} says
     */
    public static boolean measurable() {
        try {
            String machine = Files.readString(MACHINE);
            return parse(machine, Files.readString(PROCESS), 0).isPresent()
                    && processorsListed(machine) == Runtime.getRuntime().availableProcessors();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Returns how many processors other processes kept busy, on average, between an earlier reading and this one.
     *
     * @param earlier the earlier reading
     * @return processors, such as 1.0 for one other process that never waits; never negative
     */
    public double othersSince(CpuTimes earlier) {
        double seconds = (nanoTime - earlier.nanoTime) / 1e9;
        if (seconds <= 0) {
            return 0;
        }
        long others = (machineBusyTicks - earlier.machineBusyTicks) - (processTicks - earlier.processTicks);
        return Math.max(0, others / TICKS_PER_SECOND / seconds);
    }

    static Optional<CpuTimes> parse(String machine, String process, long nanoTime) {
        String first = machine.lines().findFirst().orElse("");
        if (!first.startsWith("cpu ")) {
            return Optional.empty();
        }
        String[] fields = first.trim().split("\\s+");
        if (fields.length < 9) {
            return Optional.empty();
        }
        // user nice system idle iowait irq softirq steal: busy is all but idle and iowait
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(fields[i]);
        }
        int afterName = process.lastIndexOf(')');
        if (afterName < 0) {
            return Optional.empty();
        }
        // after the name: state (field 3) ... utime (14) stime (15)
        String[] rest = process.substring(afterName + 1).trim().split("\\s+");
        if (rest.length < 13) {
            return Optional.empty();
        }
        long own = Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
        return Optional.of(new CpuTimes(busy, own, nanoTime));
    }

    static int processorsListed(String machine) {
        return (int) machine.lines().filter(line -> line.matches("cpu\\d+ .*")).count();
    }
}
