package dev.cnnbuild.core.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThreadGovernorTest {

    @Test
    void aFreeMachineKeepsEveryThread() {
        ThreadGovernor governor = new ThreadGovernor(2, 2);

        assertThat(governor.observe(0.0)).isEmpty();
        assertThat(governor.observe(0.3)).isEmpty();
        assertThat(governor.observe(0.49)).isEmpty();
        assertThat(governor.threads()).isEqualTo(2);
    }

    @Test
    void oneBusyNeighbourTakesAThreadAfterTwoMeasurementsAndItsEndGivesItBack() {
        ThreadGovernor governor = new ThreadGovernor(2, 2);

        assertThat(governor.observe(1.0)).isEmpty();
        assertThat(governor.observe(0.9)).hasValue(1);
        assertThat(governor.observe(1.3)).isEmpty();
        assertThat(governor.observe(0.0)).isEmpty();
        assertThat(governor.observe(0.1)).hasValue(2);
    }

    @Test
    void aShortBurstMovesNothing() {
        ThreadGovernor governor = new ThreadGovernor(2, 2);

        assertThat(governor.observe(1.5)).isEmpty();
        assertThat(governor.observe(0.0)).isEmpty();
        assertThat(governor.observe(1.5)).isEmpty();
        assertThat(governor.observe(0.1)).isEmpty();
        assertThat(governor.threads()).isEqualTo(2);
    }

    @Test
    void theCountFollowsTheFreeProcessorsAndNeverFallsBelowOne() {
        ThreadGovernor governor = new ThreadGovernor(8, 8);

        governor.observe(2.3);
        assertThat(governor.observe(2.4)).hasValue(6);
        governor.observe(20.0);
        assertThat(governor.observe(9.0)).hasValue(1);
    }

    @Test
    void moreThreadsThanProcessorsAreKeptOnAFreeMachineOnly() {
        ThreadGovernor governor = new ThreadGovernor(4, 2);

        governor.observe(0.2);
        assertThat(governor.observe(0.2)).isEmpty();
        governor.observe(1.0);
        assertThat(governor.observe(1.0)).hasValue(1);
        governor.observe(0.0);
        assertThat(governor.observe(0.0)).hasValue(4);
    }

    @Test
    void countsBelowOneAreRefused() {
        assertThatThrownBy(() -> new ThreadGovernor(0, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThreadGovernor(2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
