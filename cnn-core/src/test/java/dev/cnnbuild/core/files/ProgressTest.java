package dev.cnnbuild.core.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress lines: at most one per interval, with files per second and time left, and a closing line. */
class ProgressTest {
    private static final long SECOND = 1_000_000_000L;

    private long now;
    private final List<String> lines = new ArrayList<>();

    @Test
    void printsFilesPerSecondAndTimeLeftAtMostOncePerIntervalThenAClosingLine() {
        Progress progress = new Progress("decoding training images", 1000, lines::add, () -> now, 10 * SECOND);
        now = 5 * SECOND;
        progress.advance(50);
        now = 10 * SECOND;
        progress.advance(50);
        now = 15 * SECOND;
        progress.advance(100);
        now = 20 * SECOND;
        progress.advance(100);
        now = 50 * SECOND;
        progress.advance(700);
        progress.finish();

        assertThat(lines)
                .containsExactly(
                        "decoding training images: 100 of 1,000 files (10 %), 10 files/s, about 1 min 30 s left",
                        "decoding training images: 300 of 1,000 files (30 %), 15 files/s, about 47 s left",
                        "decoding training images: 1,000 files in 50 s (20 files/s)");
    }

    @Test
    void aTaskShorterThanTheIntervalPrintsNothing() {
        Progress progress = new Progress("hashing data files", 3, lines::add, () -> now, 10 * SECOND);
        now = 2 * SECOND;
        progress.advance(3);
        progress.finish();

        assertThat(lines).isEmpty();
        assertThat(progress.done()).isEqualTo(3);
    }

    @Test
    void anUnknownTotalPrintsTheFilesSoFarWithoutTimeLeft() {
        Progress progress = new Progress("listing image files", -1, lines::add, () -> now, 10 * SECOND);
        now = 20 * SECOND;
        progress.advance(4000);

        assertThat(lines).containsExactly("listing image files: 4,000 files so far, 200 files/s");
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertThat(Progress.duration(48.4)).isEqualTo("48 s");
        assertThat(Progress.duration(200)).isEqualTo("3 min 20 s");
        assertThat(Progress.duration(7500)).isEqualTo("2 h 5 min");
    }
}
