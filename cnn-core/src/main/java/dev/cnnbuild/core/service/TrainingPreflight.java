package dev.cnnbuild.core.service;

import dev.cnnbuild.core.data.DatasetException;
import dev.cnnbuild.core.data.ModelData;
import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.files.FolderLock;
import dev.cnnbuild.core.files.FolderLockedException;
import dev.cnnbuild.core.model.ProjectPaths;
import dev.cnnbuild.core.spec.CheckedModel;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.SpecException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What can be checked before any model trains, so that a build fails in seconds rather than after an epoch: every
 * model file is read and checked once ({@link CheckedModel}: all of them, and every error reported, before any
 * trains; shapes; the memory estimate against the limit), no two of them have the same {@code name}, the output
 * folder can be created and written, it is not in use by another build ({@link FolderLock}), and each model's name
 * fits the file system there. The checked models are what training then uses.
 *
 * <pre>{@code
 * TrainingPreflight preflight = TrainingPreflight.validate(requests);
 * try (FolderLock lock = preflight.lockOutput()) {      // PreflightException lists every problem
 *     preflight.checkOutput();
 *     for (TrainingRequest request : requests) {
 *         service.train(request, preflight.model(request));
 *     }
 * }
 * }</pre>
 */
public final class TrainingPreflight {
    /** The longest suffix training adds to a model's name for a file in the output folder. */
    private static final String LONGEST_SIBLING_SUFFIX = ".checkpoint";

    private final Path outputDirectory;
    private final Map<String, TrainingRequest> byName;
    private final Map<TrainingRequest, CheckedModel> models;

    private TrainingPreflight(
            Path outputDirectory, Map<String, TrainingRequest> byName, Map<TrainingRequest, CheckedModel> models) {
        this.outputDirectory = outputDirectory;
        this.byName = byName;
        this.models = models;
    }

    /**
     * Reads and checks every request's model file once, and finds names used twice.
     *
     * @param requests what is to be trained, all into one output folder, each with its memory limit
     * @return the preflight, holding the checked models, to lock and check the output folder with
     * @throws PreflightException listing every problem found, in the order of the requests
     */
    public static TrainingPreflight validate(List<TrainingRequest> requests) throws PreflightException {
        List<String> problems = new ArrayList<>();
        Map<String, TrainingRequest> byName = new LinkedHashMap<>();
        Map<TrainingRequest, CheckedModel> models = new LinkedHashMap<>();
        Map<String, Path> sources = new LinkedHashMap<>();
        for (TrainingRequest request : requests) {
            Path file = request.modelFile().toAbsolutePath().normalize();
            ModelSpec spec;
            try {
                CheckedModel model = CheckedModel.read(file, request.memoryLimit(), request.artifacts());
                models.put(request, model);
                spec = model.spec();
            } catch (SpecException e) {
                problems.addAll(e.errors());
                continue;
            }
            Path first = sources.putIfAbsent(spec.name(), file);
            if (first != null) {
                problems.add(String.format(
                        "model name '%s' is used by two model files, %s and %s: both would train"
                                + " into %s; give each model file its own 'name'",
                        spec.name(),
                        shown(request, first),
                        shown(request, file),
                        request.outputDirectory().resolve(spec.name())));
            } else {
                byName.put(spec.name(), request);
            }
        }
        if (!problems.isEmpty()) {
            throw new PreflightException(problems);
        }
        Path output = requests.isEmpty() ? Path.of("") : requests.get(0).outputDirectory();
        return new TrainingPreflight(output, byName, models);
    }

    /** Returns the checked models, in the order of the requests. */
    public List<CheckedModel> models() {
        return List.copyOf(models.values());
    }

    /**
     * Returns a request's checked model.
     *
     * @param request one of the requests validated
     * @return its model file, read and checked
     */
    public CheckedModel model(TrainingRequest request) {
        CheckedModel model = models.get(request);
        if (model == null) {
            throw new IllegalArgumentException(request.modelFile() + " was not validated by this preflight");
        }
        return model;
    }

    /**
     * Returns a model's classes as its data name them: an IDX model file's {@code classNames} or the label numbers,
     * the class folders, or the labels of the CSV file. Folders and CSV files are listed, no image is read.
     *
     * @param model a checked model
     * @return the names; empty when the data cannot be listed, which training then reports with the fix
     */
    public static Optional<ClassNames> classNames(CheckedModel model) {
        try {
            return Optional.of(ClassNames.of(ModelData.forTraining(model.spec()).classNames()));
        } catch (DatasetException e) {
            return Optional.empty();
        }
    }

    /**
     * Locks the output folder for this process, creating it.
     *
     * @return the lock; close it when training is done
     * @throws PreflightException if the folder cannot be created or written, or another build holds it
     */
    public FolderLock lockOutput() throws PreflightException {
        try {
            return FolderLock.acquire(outputDirectory, "training");
        } catch (FolderLockedException e) {
            throw new PreflightException(List.of(e.getMessage()));
        } catch (IOException e) {
            throw new PreflightException(List.of(cannotWrite(e)));
        }
    }

    /**
     * Checks that files can be created in the output folder under each model's longest name.
     *
     * @throws PreflightException listing every model whose files cannot be created there
     */
    public void checkOutput() throws PreflightException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, TrainingRequest> entry : byName.entrySet()) {
            String name = entry.getKey();
            Path probe = outputDirectory.resolve("." + name + LONGEST_SIBLING_SUFFIX);
            if (Files.exists(probe)) {
                continue;
            }
            try {
                Files.delete(Files.createDirectory(probe));
            } catch (FileSystemException e) {
                problems.add(nameProblem(name, entry.getValue(), probe, e));
            } catch (IOException e) {
                problems.add(cannotWrite(e));
            }
        }
        if (!problems.isEmpty()) {
            throw new PreflightException(problems);
        }
    }

    private String nameProblem(String name, TrainingRequest request, Path probe, FileSystemException e) {
        String reason = e.getReason() == null ? e.toString() : e.getReason();
        if (reason.toLowerCase(Locale.ROOT).contains("too long")) {
            return String.format(
                    "model name '%s' (%d characters) is too long for the file system of %s: training"
                            + " cannot create %s there (%s); shorten 'name' in %s",
                    abbreviated(name),
                    name.length(),
                    outputDirectory,
                    abbreviated(probe.getFileName().toString()),
                    reason,
                    shown(request, request.modelFile().toAbsolutePath().normalize()));
        }
        return cannotWrite(e);
    }

    private String cannotWrite(IOException e) {
        return "the output folder " + outputDirectory + " cannot be written (" + e + "); fix its permissions or"
                + " choose another one with -Dcnn.outputDirectory (parameter outputDirectory)";
    }

    private static String shown(TrainingRequest request, Path file) {
        return ProjectPaths.relative(request.projectDirectory(), file);
    }

    private static String abbreviated(String name) {
        return name.length() <= 40 ? name : name.substring(0, 20) + "..." + name.substring(name.length() - 12);
    }
}
