package dev.cnnbuild.core.structure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.testing.MarkdownTable;
import dev.cnnbuild.core.testing.PackageGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * CONTRIBUTING.md's table of the core's packages lists exactly the packages under {@code src/main/java}, each with
 * the packages its sources use: a package added, removed or newly depended on fails here until the table says so.
 */
class PackageTableTest {
    private static final Path PAGE = Path.of("../CONTRIBUTING.md");

    @Test
    void theTableListsEveryPackageWithWhatItUses() throws IOException {
        Map<String, Set<String>> actual =
                PackageGraph.of(Path.of("src/main/java"), "dev.cnnbuild.core").dependencies();
        Map<String, Set<String>> documented = documented();
        assertThat(actual).containsKeys("spec", "training", "cli");

        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(actual.keySet())) {
            if (!documented.containsKey(name)) {
                problems.add("package " + name + " is missing: add a row `" + name + "` | what it holds | uses "
                        + actual.get(name));
            } else if (!documented.get(name).equals(actual.get(name))) {
                problems.add(
                        "package " + name + " uses " + actual.get(name) + ", the table says " + documented.get(name));
            }
        }
        for (String name : documented.keySet()) {
            if (!actual.containsKey(name)) {
                problems.add("package " + name + " does not exist: remove its row");
            }
        }
        assertThat(problems)
                .as("%s's package table against cnn-core/src/main/java", PAGE.normalize())
                .isEmpty();
    }

    private static Map<String, Set<String>> documented() throws IOException {
        MarkdownTable table = MarkdownTable.all(PAGE).stream()
                .filter(t -> t.header().equals(List.of("package", "what it holds", "uses")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(PAGE + " has no table | package | what it holds | uses |"));
        Map<String, Set<String>> documented = new TreeMap<>();
        for (List<String> row : table.rows()) {
            List<String> name = MarkdownTable.codeSpans(row.get(0));
            assertThat(name).as("the first cell of %s's row %s", table, row).hasSize(1);
            documented.put(name.get(0), new HashSet<>(MarkdownTable.codeSpans(row.get(2))));
        }
        return documented;
    }
}
