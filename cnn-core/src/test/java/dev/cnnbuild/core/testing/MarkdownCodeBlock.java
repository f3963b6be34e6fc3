package dev.cnnbuild.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One fenced code block of a Markdown file, with where it starts, its fence's indentation taken off.
 *
 * <pre>{@code
 * List<MarkdownCodeBlock> java = MarkdownCodeBlock.all(Path.of(".."), "java");   // README.md, CONTRIBUTING.md, docs/
 * }</pre>
 *
 * @param file the Markdown file, relative to the repository's root
 * @param line the line of the block's first code line, 1-based
 * @param code the code
 */
public record MarkdownCodeBlock(String file, int line, String code) {
    private static final Pattern FENCE = Pattern.compile("^( *)```(\\w*)\\s*$");

    /**
     * Returns the blocks of a language in README.md, CONTRIBUTING.md and every Markdown file under docs/, in file and line order.
     *
     * @param root the repository's root
     * @param language the fence's language, such as {@code java}
     * @return the blocks
     * @throws IOException if a file cannot be read
     */
    public static List<MarkdownCodeBlock> all(Path root, String language) throws IOException {
        List<MarkdownCodeBlock> blocks = new ArrayList<>();
        for (Path file : pages(root)) {
            blocks.addAll(in(root.relativize(file).toString(), Files.readAllLines(file), language));
        }
        return blocks;
    }

    /**
     * Returns the documentation's pages: README.md, CONTRIBUTING.md and every Markdown file under docs/, in that order.
     *
     * @param root the repository's root
     * @return the pages
     * @throws IOException if docs/ cannot be listed
     */
    public static List<Path> pages(Path root) throws IOException {
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md"), root.resolve("CONTRIBUTING.md")));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    /**
     * Returns the blocks of a language in the lines of one Markdown file.
     *
     * @param name the file's name, for messages
     * @param lines its lines
     * @param language the fence's language
     * @return the blocks, in line order
     */
    public static List<MarkdownCodeBlock> in(String name, List<String> lines, String language) {
        List<MarkdownCodeBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            String indent = open.group(1);
            int start = i + 1;
            StringBuilder code = new StringBuilder();
            for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                String line = lines.get(i);
                code.append(line.startsWith(indent) ? line.substring(indent.length()) : line.strip())
                        .append('\n');
            }
            if (open.group(2).equals(language)) {
                blocks.add(new MarkdownCodeBlock(name, start + 1, code.toString()));
            }
        }
        return blocks;
    }

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
