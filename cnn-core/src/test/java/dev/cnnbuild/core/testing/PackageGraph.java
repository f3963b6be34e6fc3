package dev.cnnbuild.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which package of a source tree uses which other package of the same project, read from the sources (imports and
 * fully qualified names), and the cycles among them.
 *
 * <pre>{@code
 * PackageGraph graph = PackageGraph.of(Path.of("src/main/java"), "dev.cnnbuild.core");
 * graph.cycles();          // [] when the packages form no cycle
 * graph.dependencies();    // {cli=[data, evaluation, ...], data=[spec], ...}
 * }</pre>
 */
public final class PackageGraph {
    private final String basePackage;
    private final Map<String, Set<String>> uses;

    /**
     * A graph given edge by edge.
     *
     * @param basePackage the project's root package, left out of the names
     * @param uses for each package (its name under the base package), the packages it uses
     */
    public PackageGraph(String basePackage, Map<String, Set<String>> uses) {
        this.basePackage = basePackage;
        this.uses = new TreeMap<>();
        uses.forEach((from, to) -> this.uses.put(from, new TreeSet<>(to)));
    }

    /**
     * Reads the graph of the packages under {@code basePackage} from a source root.
     *
     * @param sourceRoot such as {@code src/main/java}
     * @param basePackage such as {@code dev.cnnbuild.core}
     * @return the graph
     */
    public static PackageGraph of(Path sourceRoot, String basePackage) {
        Pattern reference = Pattern.compile("\\b" + Pattern.quote(basePackage) + "\\.([a-z][a-z0-9_]*)\\b");
        Pattern declaration = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher declared = declaration.matcher(source);
                if (!declared.find() || !declared.group(1).startsWith(basePackage + ".")) {
                    continue;
                }
                String from = declared.group(1).substring(basePackage.length() + 1);
                Set<String> used = uses.computeIfAbsent(from, k -> new TreeSet<>());
                Matcher referenced = reference.matcher(source.substring(declared.end()));
                while (referenced.find()) {
                    if (!referenced.group(1).equals(from)) {
                        used.add(referenced.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PackageGraph(basePackage, uses);
    }

    /** Returns each package and the packages it uses. */
    public Map<String, Set<String>> dependencies() {
        return uses;
    }

    /**
     * Returns every cycle, each as the packages that depend on each other (a strongly connected component of more
     * than one package), such as {@code [model, training]}.
     */
    public List<Set<String>> cycles() {
        List<Set<String>> cycles = new ArrayList<>();
        Set<String> assigned = new TreeSet<>();
        for (String start : uses.keySet()) {
            if (assigned.contains(start)) {
                continue;
            }
            Set<String> component = new TreeSet<>();
            for (String other : reachable(start)) {
                if (reachable(other).contains(start)) {
                    component.add(other);
                }
            }
            component.add(start);
            assigned.addAll(component);
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
        return cycles;
    }

    private Set<String> reachable(String start) {
        Set<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(uses.getOrDefault(start, Set.of()));
        while (!todo.isEmpty()) {
            String next = todo.remove(todo.size() - 1);
            if (seen.add(next)) {
                todo.addAll(uses.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(basePackage).append(':');
        uses.forEach(
                (from, to) -> text.append("\n  ").append(from).append(" -> ").append(to));
        return text.toString();
    }
}
