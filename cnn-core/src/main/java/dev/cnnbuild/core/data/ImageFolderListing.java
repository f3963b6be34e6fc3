package dev.cnnbuild.core.data;

import static java.nio.file.FileVisitOption.FOLLOW_LINKS;

import dev.cnnbuild.core.files.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists a folder laid out as torchvision's and DJL's {@code ImageFolder}: one subfolder per class, named after it,
 * holding that class's images (in nested folders too). Class names are the subfolder names, sorted, so the label
 * order is stable; hidden files and folders are ignored; other files that are not images are skipped and counted.
 * Symbolic links to files and folders are followed wherever they point, inside the folder or outside it, since DVC's
 * and git-annex's caches link each data file from outside the work tree; a file keeps the name of its link. A link
 * whose target is missing (data not fetched) or a folder link that loops back above itself is refused.
 *
 * <pre>{@code
 * ImageListing train = ImageFolderListing.list(Path.of("images/train"));   // images/train/cat/*.png, .../dog/*.png
 * }</pre>
 */
public final class ImageFolderListing {

    private ImageFolderListing() {}

    /**
     * Lists the folder.
     *
     * @param dir the folder of class folders
     * @return its images, with the classes in sorted order
     * @throws DatasetException if the folder is missing, has fewer than two class folders, or a class folder holds
     *     no image
     */
    public static ImageListing list(Path dir) throws DatasetException {
        return list(dir, Progress.NONE);
    }

    /**
     * Lists the folder, counting each file found.
     *
     * @param dir the folder of class folders
     * @param progress advanced for each file found
     * @return its images, with the classes in sorted order
     * @throws DatasetException if the folder is missing, has fewer than two class folders, a class folder holds no
     *     image, or a link is broken or loops
     */
    public static ImageListing list(Path dir, Progress progress) throws DatasetException {
        if (!Files.isDirectory(dir)) {
            throw new DatasetException(dir + ": folder not found; check 'dir' in the model file's 'data' section"
                    + " (paths are relative to the model file)");
        }
        List<String> classNames = classFolders(dir);
        if (classNames.isEmpty()) {
            throw new DatasetException(dir + ": no class folders; put each class's images in a subfolder named"
                    + " after the class, such as " + dir.resolve("cat").resolve("1.png"));
        }
        if (classNames.size() == 1) {
            throw new DatasetException(dir + ": only one class folder ('" + classNames.get(0) + "'); a classifier"
                    + " needs at least two, so add a subfolder of images for each other class");
        }
        List<LabeledFile> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int label = 0; label < classNames.size(); label++) {
            Path classDir = dir.resolve(classNames.get(label));
            int before = files.size();
            for (Path file : filesUnder(classDir, progress)) {
                String key = Keys.of(dir, file);
                if (ImageFormats.isImage(file)) {
                    files.add(new LabeledFile(file, key, label));
                } else {
                    skipped.add(key);
                }
            }
            if (files.size() == before) {
                throw new DatasetException(classDir + ": class folder '" + classNames.get(label) + "' holds no"
                        + " images (" + String.join(", ", ImageFormats.EXTENSIONS) + "); add its images or remove"
                        + " the folder");
            }
        }
        return new ImageListing(dir, classNames, files, skipped);
    }

    private static List<String> classFolders(Path dir) throws DatasetException {
        List<Path> visible;
        try (Stream<Path> children = Files.list(dir)) {
            visible = children.filter(child -> !ImageFormats.isHidden(child))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DatasetException(dir + ": cannot be listed (" + e.getMessage() + ")");
        }
        for (Path child : visible) {
            if (Files.isSymbolicLink(child) && !Files.exists(child)) {
                // a class folder not fetched yet: leaving it out would train without its class
                throw new DatasetException(child + ": a link to " + target(child) + ", which does not exist; fetch"
                        + " the data it points to (dvc pull, git annex get) or remove the link");
            }
        }
        return visible.stream()
                .filter(Files::isDirectory)
                .map(child -> child.getFileName().toString())
                .toList();
    }

    private static List<Path> filesUnder(Path classDir, Progress progress) throws DatasetException {
        List<Path> files = new ArrayList<>();
        List<Path> broken = new ArrayList<>();
        // following links, the walk gives a link's own attributes only when its target cannot be read
        try (Stream<Path> found = Files.find(
                classDir,
                Integer.MAX_VALUE,
                (path, attributes) -> {
                    if (hiddenBelow(classDir, path)) {
                        return false;
                    }
                    if (attributes.isSymbolicLink() && ImageFormats.isImage(path)) {
                        broken.add(path);
                    }
                    return attributes.isRegularFile();
                },
                FOLLOW_LINKS)) {
            found.forEach(path -> {
                files.add(path);
                progress.advance();
            });
        } catch (IOException | UncheckedIOException e) {
            IOException cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            if (cause instanceof FileSystemLoopException) {
                throw new DatasetException(cause.getMessage() + ": a folder link loops back to a folder above it in "
                        + classDir + "; remove that link");
            }
            throw new DatasetException(classDir + ": cannot be listed (" + cause + ")");
        }
        if (!broken.isEmpty()) {
            Path link = broken.stream().sorted().findFirst().orElseThrow();
            throw new DatasetException(link + ": a link to " + target(link) + ", which does not exist"
                    + (broken.size() > 1 ? " (and " + (broken.size() - 1) + " more broken links)" : "")
                    + "; fetch the data it points to (dvc pull, git annex get) or remove the link");
        }
        files.sort(null);
        return files;
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a missing file";
        }
    }

    private static boolean hiddenBelow(Path classDir, Path path) {
        for (Path name : classDir.relativize(path)) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
