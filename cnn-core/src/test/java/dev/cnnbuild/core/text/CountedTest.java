package dev.cnnbuild.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A count's noun is singular for one only, and the count is written as the progress lines write counts. */
class CountedTest {

    @Test
    void oneIsSingularAndEveryOtherCountPlural() {
        assertThat(Counted.of(1, "check")).isEqualTo("1 check");
        assertThat(Counted.of(0, "check")).isEqualTo("0 checks");
        assertThat(Counted.of(2, "file")).isEqualTo("2 files");
        assertThat(Counted.of(-1, "image")).isEqualTo("-1 images");
    }

    @Test
    void irregularPluralsAndLargeCounts() {
        assertThat(Counted.of(1, "batch", "batches")).isEqualTo("1 batch");
        assertThat(Counted.of(234, "batch", "batches")).isEqualTo("234 batches");
        assertThat(Counted.of(60_000, "training image")).isEqualTo("60,000 training images");
        assertThat(Counted.noun(1, "check", "checks")).isEqualTo("check");
        assertThat(Counted.noun(3, "check", "checks")).isEqualTo("checks");
    }
}
