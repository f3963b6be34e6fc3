package dev.cnnbuild.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.testing.MarkdownCodeBlock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of README.md, CONTRIBUTING.md and docs/ points to a file that exists and, with a
 * {@code #fragment} into a Markdown page, to a heading of that page (GitHub's anchors: lower case, punctuation
 * dropped, spaces as hyphens, {@code -1}, {@code -2} for repeated headings). Links to web pages are not followed.
 */
class MarkdownLinksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    @Test
    void everyRelativeLinkPointsToAFileAndHeadingThatExist() throws IOException {
        List<Path> pages = MarkdownCodeBlock.pages(ROOT);
        assertThat(pages).hasSizeGreaterThan(10);
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path page : pages) {
            List<String> lines = Files.readAllLines(page);
            boolean inCode = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith("```")) {
                    inCode = !inCode;
                    continue;
                }
                if (inCode) {
                    continue;
                }
                Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
                while (link.find()) {
                    links++;
                    String problem = problem(page, link.group(1));
                    if (problem != null) {
                        broken.add(ROOT.relativize(page) + ":" + (i + 1) + ": " + link.group(1) + ": " + problem);
                    }
                }
            }
        }
        assertThat(links).isGreaterThan(50);
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void anchorsAreGitHubs() {
        assertThat(anchor("Speed settings of the forked JVM")).isEqualTo("speed-settings-of-the-forked-jvm");
        assertThat(anchor("`cnn:train`")).isEqualTo("cnntrain");
        assertThat(anchor("Maven's own JVM, 2026-12-01 00:35 UTC")).isEqualTo("mavens-own-jvm-2026-12-01-0035-utc");
        assertThat(anchor("A bounded spin against `OMP_WAIT_POLICY=PASSIVE`"))
                .isEqualTo("a-bounded-spin-against-omp_wait_policypassive");
    }

    private String problem(Path page, String target) throws IOException {
        if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        Path file = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
        if (!Files.exists(file)) {
            return "no such file " + ROOT.relativize(file);
        }
        if (hash < 0 || !file.toString().endsWith(".md")) {
            return null;
        }
        String fragment = target.substring(hash + 1);
        Set<String> headings = anchors.computeIfAbsent(file, MarkdownLinksTest::anchorsOf);
        return headings.contains(fragment) ? null : "no heading #" + fragment + " in " + ROOT.relativize(file);
    }

    private static Set<String> anchorsOf(Path page) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inCode = false;
        try {
            for (String line : Files.readAllLines(page)) {
                if (line.strip().startsWith("```")) {
                    inCode = !inCode;
                }
                Matcher heading = HEADING.matcher(line);
                if (!inCode && heading.matches()) {
                    String anchor = anchor(heading.group(1));
                    int count = seen.merge(anchor, 1, Integer::sum);
                    anchors.add(count == 1 ? anchor : anchor + "-" + (count - 1));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return anchors;
    }

    /** GitHub's anchor of a heading: lower case, only letters, digits, spaces, hyphens and underscores, spaces as hyphens. */
    private static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }
}
