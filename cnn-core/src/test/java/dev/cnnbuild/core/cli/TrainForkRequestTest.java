package dev.cnnbuild.core.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.engine.ClassPathNatives;
import dev.cnnbuild.core.service.TrainingRequest;
import dev.cnnbuild.core.spec.DeviceChoice;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.core.spec.ModuleArtifacts;
import dev.cnnbuild.core.threads.ThreadSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Each of a training fork's settings changes alone, and every model file trains with all of them. */
class TrainForkRequestTest {
    private static final List<Path> FILES = List.of(Path.of("a.yaml"), Path.of("b.yml"));
    private static final TrainForkRequest REQUEST = new TrainForkRequest(
            FILES,
            Path.of("target/cnn"),
            Path.of("/p"),
            Optional.empty(),
            Optional.empty(),
            false,
            new ThreadSettings(2, false),
            MemoryLimit.parse("8g"),
            Optional.of(new ClassPathNatives("2.5.1", "cpu")),
            OptionalLong.of(4242),
            ModuleArtifacts.none());

    @Test
    void eachWitherChangesItsSettingAlone() {
        ModuleArtifacts artifacts = ModuleArtifacts.of(Map.of("org.example:b:1.0", Path.of("/m2/b-1.0.pt")));

        TrainForkRequest changed = REQUEST.withForce(true)
                .withProject(Path.of("/q"))
                .withDevice(DeviceChoice.parse("gpu:1"), Optional.of(2))
                .withThreads(new ThreadSettings(3, true))
                .withMemoryLimit(MemoryLimit.parse("16g"))
                .withArtifacts(artifacts);

        assertThat(changed)
                .isEqualTo(new TrainForkRequest(
                        FILES,
                        Path.of("target/cnn"),
                        Path.of("/q"),
                        Optional.of(DeviceChoice.parse("gpu:1")),
                        Optional.of(2),
                        true,
                        new ThreadSettings(3, true),
                        MemoryLimit.parse("16g"),
                        Optional.of(new ClassPathNatives("2.5.1", "cpu")),
                        OptionalLong.of(4242),
                        artifacts));
        assertThat(REQUEST.withForce(false)).isEqualTo(REQUEST);
    }

    @Test
    void everyModelFileTrainsWithTheForksSettings() {
        assertThat(REQUEST.withForce(true).trainingRequests())
                .containsExactly(
                        new TrainingRequest(
                                Path.of("a.yaml"),
                                Path.of("target/cnn"),
                                Path.of("/p"),
                                Optional.empty(),
                                Optional.empty(),
                                true,
                                new ThreadSettings(2, false),
                                MemoryLimit.parse("8g"),
                                Optional.of(new ClassPathNatives("2.5.1", "cpu")),
                                ModuleArtifacts.none()),
                        new TrainingRequest(
                                Path.of("b.yml"),
                                Path.of("target/cnn"),
                                Path.of("/p"),
                                Optional.empty(),
                                Optional.empty(),
                                true,
                                new ThreadSettings(2, false),
                                MemoryLimit.parse("8g"),
                                Optional.of(new ClassPathNatives("2.5.1", "cpu")),
                                ModuleArtifacts.none()));
    }

    @Test
    void ofTakesTheDefaultsOfATrainingRequestAndNeedsAModelFile() {
        TrainingRequest defaults = TrainingRequest.of(Path.of("a.yaml"), Path.of("target/cnn"));

        assertThat(TrainForkRequest.of(Path.of("target/cnn"), List.of(Path.of("a.yaml")))
                        .trainingRequests())
                .containsExactly(defaults);
        assertThat(TrainForkRequest.of(Path.of("target/cnn"), List.of(Path.of("a.yaml")))
                        .parentPid())
                .isEmpty();
        assertThatThrownBy(() -> TrainForkRequest.of(Path.of("target/cnn"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a training fork needs at least one model file");
    }
}
