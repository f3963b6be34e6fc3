package dev.cnnbuild.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Lists a CSV file of {@code path,label} rows after a header row: paths relative to the CSV file's folder, labels as
 * class names (sorted into label order, as folder names are) or as class numbers {@code 0..n-1}, not mixed. A field
 * may be quoted ({@code "a, b.png"}, a quote inside written twice). Rows of files that are not images are skipped
 * and counted; blank lines are ignored. A path may be a symbolic link, followed wherever it points (as DVC and
 * git-annex link data files); a link whose target is missing is refused.
 *
 * <pre>{@code
 * path,label
 * images/1.png,cat
 * images/2.jpg,dog
 * }</pre>
 *
 * <pre>{@code
 * ImageListing train = CsvListing.list(Path.of("labels/train.csv"));
 * }</pre>
 */
public final class CsvListing {
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,9}");

    private CsvListing() {}

    /**
     * Lists the CSV file.
     *
     * @param csv the file
     * @return its images and classes
     * @throws DatasetException naming the file and row: a missing image, a bad label, the wrong number of columns,
     *     fewer than two classes
     */
    public static ImageListing list(Path csv) throws DatasetException {
        List<String[]> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (BufferedReader reader = open(csv)) {
            String header = reader.readLine();
            if (header == null || split(csv, 1, header).size() != 2) {
                throw new DatasetException(csv + ":1: the first row must be the header 'path,label'; add it");
            }
            int row = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                row++;
                if (!line.isBlank()) {
                    readRow(csv, row, line, rows, skipped);
                }
            }
        } catch (IOException e) {
            throw new DatasetException(csv + ": cannot be read as UTF-8 text (" + e + "); save it as UTF-8");
        }
        List<String> classNames = classNames(csv, rows);
        List<LabeledFile> files = new ArrayList<>();
        for (String[] row : rows) {
            Path file = csv.toAbsolutePath().resolveSibling(row[0]).normalize();
            files.add(new LabeledFile(
                    file,
                    Keys.of(csv.toAbsolutePath().getParent(), file),
                    classNames.indexOf(row[1].matches("0[0-9]+") ? row[1].replaceFirst("^0+", "") : row[1])));
        }
        return new ImageListing(csv, classNames, files, skipped);
    }

    private static List<String> classNames(Path csv, List<String[]> rows) throws DatasetException {
        boolean numbers = !rows.isEmpty() && NUMBER.matcher(rows.get(0)[1]).matches();
        TreeSet<String> names = new TreeSet<>();
        int max = -1;
        for (String[] row : rows) {
            if (NUMBER.matcher(row[1]).matches() != numbers) {
                throw new DatasetException(
                        csv + ":" + row[2] + ": label '" + row[1] + "' is a " + (numbers ? "name" : "number")
                                + " but the first row's is a " + (numbers ? "number" : "name") + " ('"
                                + rows.get(0)[1] + "'); write every label as a class name, or every one as a number");
            }
            if (numbers) {
                max = Math.max(max, Integer.parseInt(row[1]));
            } else {
                names.add(row[1]);
            }
        }
        List<String> classNames = new ArrayList<>(names);
        if (numbers) {
            for (int label = 0; label <= max; label++) {
                String name = Integer.toString(label);
                if (rows.stream().noneMatch(row -> Integer.parseInt(row[1]) == Integer.parseInt(name))) {
                    throw new DatasetException(csv + ": no row has label " + label + ", but labels go up to " + max
                            + "; number the classes 0.." + max + " without gaps, or use class names");
                }
                classNames.add(name);
            }
        }
        if (classNames.size() < 2) {
            throw new DatasetException(csv + ": only one class"
                    + (classNames.isEmpty() ? " (no image rows)" : " ('" + classNames.get(0) + "')")
                    + "; a classifier needs images of at least two classes");
        }
        return classNames;
    }

    private static BufferedReader open(Path csv) throws DatasetException, IOException {
        if (!Files.isRegularFile(csv)) {
            throw new DatasetException(csv + ": file not found; check 'file' in the model file's 'data' section"
                    + " (paths are relative to the model file)");
        }
        return Files.newBufferedReader(csv, StandardCharsets.UTF_8);
    }

    /** Checks one row and adds it to {@code rows}, or its path to {@code skipped} when it is not an image. */
    private static void readRow(Path csv, int row, String line, List<String[]> rows, List<String> skipped)
            throws DatasetException {
        List<String> fields = split(csv, row, line);
        if (fields.size() != 2) {
            throw new DatasetException(csv + ":" + row + ": " + fields.size() + " columns, but each row needs 2,"
                    + " path,label; quote a path that holds a comma (\"a, b.png\")");
        }
        String path = fields.get(0).strip();
        String label = fields.get(1).strip();
        if (path.isEmpty() || label.isEmpty()) {
            throw new DatasetException(csv + ":" + row + ": the " + (path.isEmpty() ? "path" : "label")
                    + " is empty; write path,label such as images/1.png,cat");
        }
        if (!ImageFormats.isImage(Path.of(path))) {
            skipped.add(path);
            return;
        }
        Path file = csv.toAbsolutePath().resolveSibling(path).normalize();
        if (Files.isSymbolicLink(file) && !Files.exists(file)) {
            throw new DatasetException(csv + ":" + row + ": image " + path + " is a link to a file that does not"
                    + " exist; fetch the data it points to (dvc pull, git annex get) or remove the row");
        }
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(csv + ":" + row + ": image " + path + " not found (looked for " + file
                    + "); fix the path, which is relative to the CSV file, or remove the row");
        }
        rows.add(new String[] {path, label, Integer.toString(row)});
    }

    private static List<String> split(Path csv, int row, String line) throws DatasetException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new DatasetException(csv + ":" + row + ": a quote is not closed; end the quoted field with \"");
        }
        fields.add(field.toString());
        return fields;
    }
}
