package dev.cnnbuild.core.service;

import dev.cnnbuild.core.files.FolderLock;
import dev.cnnbuild.core.files.FolderLockedException;
import dev.cnnbuild.core.model.ProjectPaths;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.ModelSpecReader;
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

/**
 * What can be checked before any model trains, so that a build fails in seconds rather than after an epoch: every
 * model file is read and validated (all of them, and every error reported, before any trains), no two of them have
 * the same {@code name}, the output folder can be created and written, it is not in use by another build
 * ({@link FolderLock}), and each model's name fits the file system there.
 *
 * <pre>{@code
 * TrainingPreflight preflight = TrainingPreflight.validate(requests);   // PreflightException lists every problem
 * try (FolderLock lock = preflight.lockOutput()) {
 *     preflight.checkOutput();
 *     for (TrainingRequest request : requests) {
 *         service.train(request);
 *     }
 * }
 * }</pre>
 */
public final class TrainingPreflight {
    /** The longest suffix training adds to a model's name for a file in the output folder. */
    private static final String LONGEST_SIBLING_SUFFIX = ".checkpoint";

    private final Path outputDirectory;
    private final Map<String, TrainingRequest> byName;

    private TrainingPreflight(Path outputDirectory, Map<String, TrainingRequest> byName) {
        this.outputDirectory = outputDirectory;
        this.byName = byName;
    }

    /**
     * Reads and validates every request's model file, and finds names used twice.
     *
     * @param requests what is to be trained, all into one output folder
     * @return the preflight, to lock and check the output folder with
     * @throws PreflightException listing every problem found, in the order of the requests
     */
    public static TrainingPreflight validate(List<TrainingRequest> requests) throws PreflightException {
        List<String> problems = new ArrayList<>();
        Map<String, TrainingRequest> byName = new LinkedHashMap<>();
        Map<String, Path> sources = new LinkedHashMap<>();
        for (TrainingRequest request : requests) {
            Path file = request.modelFile().toAbsolutePath().normalize();
            ModelSpec spec;
            try {
                spec = ModelSpecReader.readAndValidate(file);
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
        return new TrainingPreflight(output, byName);
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
