package dev.cnnbuild.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One table of a Markdown page, with the heading it stands under, so the documentation tests can hold a reference
 * table against what it describes (goals, keys, packages). Code blocks are skipped.
 *
 * <pre>{@code
 * List<MarkdownTable> tables = MarkdownTable.all(Path.of("../docs/goals.md"));
 * tables.get(1).rows().get(0).get(0);          // "`modelDirectory`"
 * MarkdownTable.codeSpans("`a`, `b` (1)");     // [a, b]
 * }</pre>
 *
 * @param file the page, for messages
 * @param heading the text of the nearest heading above the table, without its {@code #}s
 * @param line the line of the table's header row, 1-based
 * @param header the header row's cells
 * @param rows the body rows' cells, trimmed
 */
public record MarkdownTable(String file, String heading, int line, List<String> header, List<List<String>> rows) {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*$");
    private static final Pattern SEPARATOR = Pattern.compile("^\\|(\\s*:?-+:?\\s*\\|)+\\s*$");

    /**
     * Returns the tables of a Markdown file, in line order.
     *
     * @param file the page
     * @return its tables
     * @throws IOException if it cannot be read
     */
    public static List<MarkdownTable> all(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<MarkdownTable> tables = new ArrayList<>();
        String heading = "";
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
            Matcher title = HEADING.matcher(line);
            if (title.matches()) {
                heading = title.group(1);
            } else if (line.startsWith("|")
                    && i + 1 < lines.size()
                    && SEPARATOR.matcher(lines.get(i + 1)).matches()) {
                List<List<String>> rows = new ArrayList<>();
                int row = i + 2;
                for (; row < lines.size() && lines.get(row).startsWith("|"); row++) {
                    rows.add(cells(lines.get(row)));
                }
                tables.add(new MarkdownTable(file.getFileName().toString(), heading, i + 1, cells(line), rows));
                i = row - 1;
            }
        }
        return tables;
    }

    /**
     * Returns the text of each code span of a cell, in order: {@code [a, b]} for {@code "`a`, `b` (1)"}.
     *
     * @param cell a table cell
     * @return the code spans' text
     */
    public static List<String> codeSpans(String cell) {
        List<String> spans = new ArrayList<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            spans.add(code.group(1));
        }
        return spans;
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inCode = false;
        for (char c : inner.toCharArray()) {
            if (c == '`') {
                inCode = !inCode;
            }
            if (c == '|' && !inCode) {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    @Override
    public String toString() {
        return file + ":" + line + " (under \"" + heading + "\")";
    }
}
