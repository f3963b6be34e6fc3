package dev.cnnbuild.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.testing.PythonTorch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The snippets of docs/scale.md hold: every YAML manifest parses and its PyTorchJob starts {@code train.py}; every
 * option a command or manifest gives {@code train.py} is one it declares; the TorchDistributor snippet is valid
 * Python; and the CPU torchrun command is the one the {@code export-torchrun} integration build runs, so CI runs it.
 */
class ScalePageTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern BLOCK = Pattern.compile("(?s)```(\\w*)\\n(.*?)```");
    private static final Pattern DECLARED = Pattern.compile("add_argument\\(\"(--[a-z-]+)\"");
    private static final Pattern GIVEN = Pattern.compile("train\\.py((?:[ ,]+[^ \\],\\n]+)*)");
    private static final String CPU_COMMAND = "/usr/bin/python3 -m torch.distributed.run --standalone"
            + " --nproc_per_node=2 --redirects=1 --tee=1 train.py";

    @Test
    void manifestsParseAndStartTrainPy() throws Exception {
        List<String> yaml = blocks("yaml");
        assertThat(yaml).isNotEmpty();
        for (String block : yaml) {
            Map<String, Object> job = new Yaml(new SafeConstructor(new LoaderOptions())).load(block);
            assertThat(job).containsEntry("apiVersion", "kubeflow.org/v1").containsEntry("kind", "PyTorchJob");
            Map<?, ?> replicas = (Map<?, ?>) ((Map<?, ?>) job.get("spec")).get("pytorchReplicaSpecs");
            assertThat(replicas.keySet().stream().map(String::valueOf).toList())
                    .containsExactlyInAnyOrder("Master", "Worker");
            for (Object replica : replicas.values()) {
                Map<?, ?> pod = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) replica).get("template")).get("spec");
                Map<?, ?> container = (Map<?, ?>) ((List<?>) pod.get("containers")).get(0);
                assertThat(((List<?>) container.get("command"))
                                .stream().map(String::valueOf).toList())
                        .contains("torchrun", "train.py", "--output");
            }
        }
    }

    @Test
    void everyOptionGivenToTrainPyIsOneItDeclares() throws Exception {
        Set<String> declared = new TreeSet<>();
        Matcher declaration = DECLARED.matcher(
                Files.readString(ROOT.resolve("cnn-core/src/main/resources/dev/cnnbuild/core/export/train.py")));
        while (declaration.find()) {
            declared.add(declaration.group(1));
        }
        assertThat(declared).contains("--epochs", "--output", "--data-root");
        List<String> given = new ArrayList<>();
        Matcher use = GIVEN.matcher(Files.readString(ROOT.resolve("docs/scale.md")));
        while (use.find()) {
            for (String word : use.group(1).split("[ ,\\[\\]]+")) {
                if (word.matches("--[a-z-]+(=.*)?")) {
                    given.add(word.replaceFirst("=.*", ""));
                }
            }
        }
        assertThat(given).contains("--epochs", "--output", "--data-root", "--checkpoint-dir");
        assertThat(declared).containsAll(given);
    }

    @Test
    void theTorchDistributorSnippetIsPython() throws Exception {
        PythonTorch.assumeAvailable();
        List<String> python = blocks("python");
        assertThat(python).hasSize(1);
        Path snippet = Files.writeString(Files.createTempFile("scale", ".py"), python.get(0));
        PythonTorch.run(snippet.getParent(), "-m", "py_compile", snippet.toString());
    }

    @Test
    void theCpuCommandIsTheOneCiRuns() throws Exception {
        assertThat(Files.readString(ROOT.resolve("docs/scale.md"))).contains(CPU_COMMAND);
        assertThat(Files.readString(ROOT.resolve("cnn-maven-plugin/src/it/export-torchrun/torchrun.sh")))
                .contains(CPU_COMMAND);
    }

    private static List<String> blocks(String language) throws Exception {
        List<String> found = new ArrayList<>();
        Matcher block = BLOCK.matcher(Files.readString(ROOT.resolve("docs/scale.md")));
        while (block.find()) {
            if (block.group(1).equals(language)) {
                found.add(block.group(2));
            }
        }
        return found;
    }
}
