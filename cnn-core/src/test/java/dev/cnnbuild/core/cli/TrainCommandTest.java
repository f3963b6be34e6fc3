package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class TrainCommandTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void unknownDeviceIsBadInput() {
        int status = run("--output", "out", "--device", "tpu", "model.yaml");

        assertThat(status).isEqualTo(TrainCommand.INVALID_INPUT);
        assertThat(err.toString()).isEqualTo("ERROR: Unknown device 'tpu'; use one of auto, cpu, gpu\n");
    }

    @Test
    void missingOutputIsBadInput() {
        int status = run("model.yaml");

        assertThat(status).isEqualTo(TrainCommand.INVALID_INPUT);
        assertThat(err.toString()).isEqualTo(
                "ERROR: usage: TrainCommand --output DIR [--device auto|cpu|gpu] MODEL.yaml...\n");
    }

    private int run(String... args) {
        return TrainCommand.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
    }
}
