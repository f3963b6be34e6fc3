package dev.cnnbuild.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The torchscript layer as the model file writes it: what it reads, and one exact error per mistake. */
class TorchScriptLayerTest {
    private static final String FIRST = "- conv2d: {filters: 16, kernel: 5}";

    private static String first(String parameters) {
        return Tutorial.with(FIRST, "- torchscript: " + parameters);
    }

    @Test
    void readsTheFileRelativeToTheModelFileTheDeclaredOutputAndWhenItTrains() throws Exception {
        ModelSpec frozen = Tutorial.parse(first("{file: nets/backbone.pt, output: [1, 28, 28], trainable: false}"));
        ModelSpec later = Tutorial.parse(first("{file: b.pt, output: [1, 28, 28], trainable: {afterEpoch: 3}}"));
        ModelSpec trained = Tutorial.parse(first("{file: b.pt, output: [1, 28, 28], trainable: true}"));

        TorchScriptLayer layer = (TorchScriptLayer) frozen.layers().get(0);
        assertThat(layer.file()).contains(Tutorial.FILE.toAbsolutePath().resolveSibling("nets/backbone.pt"));
        assertThat(layer.artifact()).isEmpty();
        assertThat(layer.output()).isEqualTo(TensorShape.of(1, 28, 28));
        assertThat(layer.trainsIn(10)).isFalse();
        TorchScriptLayer unfrozen = (TorchScriptLayer) later.layers().get(0);
        assertThat(List.of(unfrozen.trainsIn(3), unfrozen.trainsIn(4))).containsExactly(false, true);
        assertThat(((TorchScriptLayer) trained.layers().get(0)).trainsIn(1)).isTrue();
        List<LayerShape> shapes = ShapeInference.infer(frozen);
        assertThat(shapes.get(0).output()).isEqualTo(TensorShape.of(1, 28, 28));
        assertThat(shapes.get(2).input()).isEqualTo(TensorShape.of(1, 28, 28));
        assertThat(shapes.get(0).parameterCount()).as("no file to count").isZero();
    }

    @Test
    void theParameterCountAndMemoryEstimateIncludeTheValuesTheModuleStores() throws Exception {
        Path backbone =
                Path.of(getClass().getResource("/torchscript/backbone8.pt").toURI());
        String text = first("{file: " + backbone + ", output: [1, 28, 28], trainable: false}");
        CheckedModel withModule = CheckedModel.check(Tutorial.parse(text), MemoryLimit.machine());

        // backbone8.pt stores 36 + 4 convolution weights and biases, 4 x 4 batch-norm values and an int64 counter
        assertThat(withModule.shapes().get(0).parameterCount()).isEqualTo(58);
        long others = withModule.shapes().stream()
                .skip(1)
                .mapToLong(LayerShape::parameterCount)
                .sum();
        assertThat(withModule.parameterCount()).isEqualTo(others + 58);
        assertThat(withModule.memory().parameters()).isEqualTo((double) withModule.parameterCount());
    }

    @Test
    void everyMistakeIsLocatedWithItsFix() {
        assertThat(Tutorial.errorOf(first("{output: [1, 28, 28], trainable: false}")))
                .isEqualTo("mnist.yaml:5:18: torchscript (layer 1) needs 'file' or 'artifact'; add one, e.g. file:"
                        + " backbone.pt (a module beside the model file) or artifact: 'org.example:backbone:1.0' (a"
                        + " module that cnn:train resolves from Maven's repositories)");
        assertThat(Tutorial.errorOf(first("{file: b.pt, output: [1, 28, 28], trainable: maybe}")))
                .isEqualTo("mnist.yaml:5:63: 'trainable' of torchscript (layer 1) must be false (frozen), true"
                        + " (trained) or {afterEpoch: 3} (frozen in epochs 1 to 3, trained after), but was 'maybe'");
        assertThat(Tutorial.errorOf(first("{file: b.pt, output: [1, 28, 28]}")))
                .isEqualTo("mnist.yaml:5:18: torchscript (layer 1) is missing 'trainable'; add it, e.g. trainable:"
                        + " false");
        assertThat(Tutorial.errorOf(first("{file: b.pt, output: [], trainable: false}")))
                .isEqualTo("mnist.yaml:5:39: 'output' of torchscript (layer 1) must be a list of 1 to 3 whole"
                        + " numbers, the shape of what one image becomes, such as [512] or [64, 4, 4], but has 0"
                        + " numbers");
        assertThat(Tutorial.errorOf(first("{file: b.pt, output: [1, 0, 28], trainable: false}")))
                .startsWith("mnist.yaml:5:43: 'output[1]' of torchscript (layer 1) must be ");
        assertThat(Tutorial.errorOf(first("{file: b.pt, output: [1, 28, 28], trainable: {afterEpoch: 10}}")))
                .isEqualTo("mnist.yaml:5:5: layer 1 (torchscript): 'trainable: {afterEpoch: 10}' keeps it frozen in"
                        + " all 10 epochs; give a smaller afterEpoch, or write 'trainable: false'");
        assertThat(Tutorial.errorOf(first("{file: b.pt, output: [1, 28, 28], trainable: {afterEpoch: 1}}")
                        .replace("epochs: 10", "epochs: 1")))
                .isEqualTo("mnist.yaml:5:5: layer 1 (torchscript): 'trainable: {afterEpoch: 1}' keeps it frozen in"
                        + " the only epoch; give a smaller afterEpoch, or write 'trainable: false'");
        assertThat(Tutorial.errorOf(first("{file: b.pt, output: [1, 28, 28], trainable: {afterEpoch: 0}}")))
                .startsWith("mnist.yaml:5:76: 'afterEpoch' of ");
        assertThat(Tutorial.errorOf(first("{file: b.pt, output: [1, 28, 28], trainabel: false}")))
                .startsWith("mnist.yaml:5:52: ")
                .contains("did you mean 'trainable'");
    }

    @Test
    void aFrozenModuleAfterOtherLayersIsRefusedSinceTheyWouldNeverTrain() {
        String text = Tutorial.with(
                "- conv2d: {filters: 32, kernel: 5}",
                "- torchscript: {file: b.pt, output: [32, 20, 20], trainable: false}");

        assertThat(Tutorial.errorOf(text))
                .isEqualTo("mnist.yaml:7:5: layer 3 (torchscript): a frozen module runs without gradients, so the"
                        + " layers before it would never train; make it layer 1, or write 'trainable: true'");
    }

    @Test
    void anArtifactIsReadAsMavenCoordinatesWithThePtTypeUnlessItSaysAnother() throws Exception {
        ModelSpec plain =
                Tutorial.parse(first("{artifact: org.example:backbone:1.0, output: [1, 28, 28], trainable: false}"));
        ModelSpec typed = Tutorial.parse(first(
                "{artifact: 'org.example:backbone:1.0-SNAPSHOT:small@ts', output: [1, 28, 28], trainable: true}"));

        TorchScriptLayer layer = (TorchScriptLayer) plain.layers().get(0);
        assertThat(layer.artifact())
                .contains(new ModuleArtifact("org.example", "backbone", "1.0", Optional.empty(), "pt"));
        assertThat(layer.file()).as("resolved only by cnn:train").isEmpty();
        ModuleArtifact small =
                ((TorchScriptLayer) typed.layers().get(0)).artifact().orElseThrow();
        assertThat(small)
                .isEqualTo(new ModuleArtifact("org.example", "backbone", "1.0-SNAPSHOT", Optional.of("small"), "ts"));
        assertThat(small.coordinates()).isEqualTo("org.example:backbone:1.0-SNAPSHOT:small@ts");
        assertThat(small.installCommand("b.pt"))
                .isEqualTo("mvn install:install-file -Dfile=b.pt -DgroupId=org.example -DartifactId=backbone"
                        + " -Dversion=1.0-SNAPSHOT -Dpackaging=ts -Dclassifier=small");
        assertThat(ShapeInference.infer(plain).get(0).parameterCount())
                .as("no file yet")
                .isZero();
    }

    @Test
    void aResolvedArtifactIsTrainedFromItsFileAndCountedLikeAFile() throws Exception {
        Path backbone =
                Path.of(getClass().getResource("/torchscript/backbone8.pt").toURI());
        ModelSpec read =
                Tutorial.parse(first("{artifact: 'org.example:backbone:1.0', output: [1, 28, 28], trainable: false}"));

        ModelSpec resolved =
                ModuleArtifacts.of(Map.of("org.example:backbone:1.0", backbone)).resolve(read);

        assertThat(TorchScriptFiles.resolve(resolved)).containsExactly(Map.entry(1, backbone));
        assertThat(CheckedModel.check(resolved, MemoryLimit.machine())
                        .shapes()
                        .get(0)
                        .parameterCount())
                .isEqualTo(58);
        assertThat(ModuleArtifacts.none().resolve(read)).isSameAs(read);
    }

    @Test
    void anArtifactNotResolvedCannotTrainAndTheErrorSaysWhoResolvesIt() throws Exception {
        ModelSpec read =
                Tutorial.parse(first("{artifact: 'org.example:backbone:1.0', output: [1, 28, 28], trainable: false}"));

        assertThatThrownBy(() -> TorchScriptFiles.resolve(read))
                .isInstanceOf(SpecException.class)
                .hasMessageEndingWith(
                        "mnist.yaml:5:5: torchscript (layer 1): 'artifact' org.example:backbone:1.0 was not"
                                + " resolved to a file: only cnn:train resolves artifacts, from Maven's repositories; train with"
                                + " mvn cnn:train, or write 'file:' with the module's path instead");
    }

    @Test
    void fileAndArtifactAreExclusiveAndBadCoordinatesAreLocatedWithTheForm() {
        assertThat(Tutorial.errorOf(
                        first("{file: b.pt, artifact: 'org.example:backbone:1.0', output: [1], trainable: false}")))
                .isEqualTo("mnist.yaml:5:41: torchscript (layer 1) has both 'file' and 'artifact'; keep one: 'file'"
                        + " for a module beside the model file, or 'artifact' for one that cnn:train resolves from"
                        + " Maven's repositories");
        assertThat(Tutorial.errorOf(first("{artifact: 'org.example:backbone', output: [1], trainable: false}")))
                .isEqualTo("mnist.yaml:5:29: 'artifact' of torchscript (layer 1) must be Maven coordinates"
                        + " groupId:artifactId:version[:classifier][@type], such as org.example:digits-backbone:1.0"
                        + " or org.example:backbones:1.0:digits, but 'org.example:backbone' is not: it has 2 parts"
                        + " between ':', not 3 or 4; for a module file beside the model file, write 'file' instead");
        assertThat(Tutorial.errorOf(first("{artifact: 'org.example/backbone/1.0', output: [1], trainable: false}")))
                .endsWith("but 'org.example/backbone/1.0' is not: it has 1 part between ':', not 3 or 4; write ':'"
                        + " between the parts, not '/'");
        assertThat(Tutorial.errorOf(first("{artifact: 'org.example::1.0', output: [1], trainable: false}")))
                .contains("but 'org.example::1.0' is not: artifactId '' is empty;");
        assertThat(Tutorial.errorOf(first("{artifact: 'org.example:backbone:1.0@', output: [1], trainable: false}")))
                .contains("is not: type '' is empty;");
        assertThat(Tutorial.errorOf(first("{artifact: 'org.example:back bone:1.0', output: [1], trainable: false}")))
                .contains("is not: artifactId 'back bone' is not letters, digits, '.', '_', '+' or '-';");
        assertThat(Tutorial.errorOf(first("{artefact: 'org.example:backbone:1.0', output: [1], trainable: false}")))
                .startsWith("mnist.yaml:5:19: unknown key 'artefact' in torchscript (layer 1)")
                .contains("did you mean 'artifact'");
    }
}
