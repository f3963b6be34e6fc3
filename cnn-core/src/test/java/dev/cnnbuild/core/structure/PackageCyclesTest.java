package dev.cnnbuild.core.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.testing.PackageGraph;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The core's packages form no cycle, so each can be read, tested and changed from the bottom up. */
class PackageCyclesTest {

    @Test
    void theCorePackagesFormNoCycle() {
        PackageGraph graph = PackageGraph.of(Path.of("src/main/java"), "dev.cnnbuild.core");

        assertThat(graph.dependencies()).containsKeys("cli", "service", "metrics", "files", "training", "model");
        assertThat(graph.cycles()).as("package cycles in %s", graph).isEmpty();
    }

    @Test
    void theFiguresAndFileHelpersDependOnNoWorkflowPackage() {
        PackageGraph graph = PackageGraph.of(Path.of("src/main/java"), "dev.cnnbuild.core");

        assertThat(graph.dependencies().get("files")).isEmpty();
        assertThat(graph.dependencies().get("metrics")).containsOnly("evaluation");
        assertThat(graph.dependencies().get("report")).doesNotContain("training");
    }

    @Test
    void aCycleIsFound() {
        PackageGraph graph = new PackageGraph(
                "p", Map.of("model", Set.of("training"), "training", Set.of("model", "spec"), "spec", Set.of()));

        assertThat(graph.cycles()).containsExactly(Set.of("model", "training"));
    }
}
