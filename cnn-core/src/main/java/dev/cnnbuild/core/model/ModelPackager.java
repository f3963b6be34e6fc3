package dev.cnnbuild.core.model;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes trained model directories shippable: copies them under a class path folder (so the module's jar carries
 * them at {@value #RESOURCE_PATH}{@code <name>/}) or zips them into one archive to attach as an artifact.
 *
 * <pre>{@code
 * List<ModelDirectory> models = ModelPackager.completeModels(Path.of("target/cnn"));
 * ModelPackager.copyToClasspath(models, Path.of("target/classes"));   // target/classes/cnn/mnist-cnn/...
 * ModelPackager.zip(models, Path.of("target/app-1.0-cnn-models.zip")); // mnist-cnn/... inside
 * }</pre>
 */
public final class ModelPackager {
    /** The class path folder that holds packaged model directories: {@code cnn/<name>/}. */
    public static final String RESOURCE_PATH = "cnn/";

    private ModelPackager() {}

    /**
     * Lists the complete model directories under an output folder, by name; hidden staging folders are left out.
     *
     * @param outputDirectory a folder such as {@code target/cnn}
     * @return the complete model directories, sorted by name; none if the folder does not exist
     * @throws IOException if the folder cannot be listed
     */
    public static List<ModelDirectory> completeModels(Path outputDirectory) throws IOException {
        if (!Files.isDirectory(outputDirectory)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(outputDirectory)) {
            return children.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .map(ModelDirectory::of)
                    .filter(ModelDirectory::isComplete)
                    .toList();
        }
    }

    /**
     * Copies each model's files (and its report, if any) to {@code classesDirectory/cnn/<name>/}.
     *
     * @param models the model directories
     * @param classesDirectory a class path root such as {@code target/classes}
     * @return the copies
     * @throws IOException if copying fails
     */
    public static List<Path> copyToClasspath(List<ModelDirectory> models, Path classesDirectory) throws IOException {
        List<Path> copies = new ArrayList<>();
        for (ModelDirectory model : models) {
            Path target = Files.createDirectories(
                    classesDirectory.resolve(RESOURCE_PATH).resolve(name(model)));
            for (Path file : filesOf(model)) {
                Files.copy(file, target.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
            copies.add(target);
        }
        return copies;
    }

    /**
     * Zips the model directories into one archive with one top-level folder per model.
     *
     * @param models the model directories
     * @param archive the zip file to write
     * @throws IOException if writing fails
     */
    public static void zip(List<ModelDirectory> models, Path archive) throws IOException {
        Files.createDirectories(archive.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(archive);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ModelDirectory model : models) {
                for (Path file : filesOf(model)) {
                    zip.putNextEntry(new ZipEntry(name(model) + "/" + file.getFileName()));
                    Files.copy(file, zip);
                    zip.closeEntry();
                }
            }
        }
    }

    private static List<Path> filesOf(ModelDirectory model) {
        List<Path> files = new ArrayList<>();
        for (String name : ModelDirectory.FILES) {
            files.add(model.root().resolve(name));
        }
        Path report = model.report();
        if (Files.isRegularFile(report)) {
            files.add(report);
        }
        for (String name : ModelDirectory.OPTIONAL_FILES) {
            Path file = model.root().resolve(name);
            if (Files.isRegularFile(file)) {
                files.add(file);
            }
        }
        model.moduleFiles().forEach(name -> files.add(model.root().resolve(name)));
        return files;
    }

    private static String name(ModelDirectory model) {
        return model.root().getFileName().toString();
    }
}
