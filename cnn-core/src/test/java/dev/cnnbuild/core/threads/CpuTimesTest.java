package dev.cnnbuild.core.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CpuTimesTest {
    private static final String MACHINE = """
            cpu  1000 20 300 5000 40 5 6 7 0 0
            cpu0 500 10 150 2500 20 3 3 4 0 0
            cpu1 500 10 150 2500 20 2 3 3 0 0
            intr 123456
            """;
    private static final String PROCESS =
            "4242 (java (fork) x) S 1 4242 4242 0 -1 4194560 900 0 0 0 250 50 0 0 20 0 30 0 100 0 0";

    @Test
    void busyTimeIsEverythingButIdleAndIoWaitAndTheProcessTimeIsUserPlusSystem() {
        CpuTimes times = CpuTimes.parse(MACHINE, PROCESS, 7).orElseThrow();

        assertThat(times).isEqualTo(new CpuTimes(1000 + 20 + 300 + 5 + 6 + 7, 250 + 50, 7));
    }

    @Test
    void othersAreTheMachinesBusyTimeLessThisProcesssPerSecond() {
        CpuTimes earlier = new CpuTimes(10_000, 3_000, 0);
        CpuTimes later = new CpuTimes(10_000 + 300, 3_000 + 200, 1_000_000_000L);

        assertThat(later.othersSince(earlier)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void othersAreNeverNegativeAndZeroWithoutElapsedTime() {
        CpuTimes earlier = new CpuTimes(100, 100, 0);

        assertThat(new CpuTimes(150, 180, 1_000_000_000L).othersSince(earlier)).isZero();
        assertThat(new CpuTimes(900, 100, 0).othersSince(earlier)).isZero();
    }

    @Test
    void unexpectedFilesGiveNothing() {
        assertThat(CpuTimes.parse("intr 1\n", PROCESS, 0)).isEmpty();
        assertThat(CpuTimes.parse("cpu  1 2 3\n", PROCESS, 0)).isEmpty();
        assertThat(CpuTimes.parse(MACHINE, "4242 java S 1", 0)).isEmpty();
        assertThat(CpuTimes.parse(MACHINE, "4242 (java) S 1 2", 0)).isEmpty();
    }

    @Test
    void theProcessorsListedAreTheNumberedCpuLines() {
        assertThat(CpuTimes.processorsListed(MACHINE)).isEqualTo(2);
    }

    @Test
    void onLinuxTheProcessTimeGrowsWithWork() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux's /proc");
        CpuTimes before = CpuTimes.read().orElseThrow();
        long sum = 0;
        long end = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() < end) {
            sum += Long.numberOfTrailingZeros(sum + System.nanoTime());
        }
        CpuTimes after = CpuTimes.read().orElseThrow();

        assertThat(sum).isPositive();
        assertThat(after.processTicks()).isGreaterThan(before.processTicks());
        assertThat(after.machineBusyTicks() - before.machineBusyTicks())
                .isGreaterThanOrEqualTo(after.processTicks() - before.processTicks() - 2);
    }
}
