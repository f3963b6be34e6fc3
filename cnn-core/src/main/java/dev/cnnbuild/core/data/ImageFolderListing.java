package dev.cnnbuild.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists a folder laid out as torchvision's and DJL's {@code ImageFolder}: one subfolder per class, named after it,
 * holding that class's images (in nested folders too). Class names are the subfolder names, sorted, so the label
 * order is stable; hidden files and folders are ignored; other files that are not images are skipped and counted.
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
            for (Path file : filesUnder(classDir)) {
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
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(child -> Files.isDirectory(child) && !ImageFormats.isHidden(child))
                    .map(child -> child.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DatasetException(dir + ": cannot be listed (" + e.getMessage() + ")");
        }
    }

    private static List<Path> filesUnder(Path classDir) throws DatasetException {
        try (Stream<Path> found = Files.find(
                classDir,
                Integer.MAX_VALUE,
                (path, attributes) -> attributes.isRegularFile() && !hiddenBelow(classDir, path))) {
            return found.sorted().toList();
        } catch (IOException e) {
            throw new DatasetException(classDir + ": cannot be listed (" + e.getMessage() + ")");
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
