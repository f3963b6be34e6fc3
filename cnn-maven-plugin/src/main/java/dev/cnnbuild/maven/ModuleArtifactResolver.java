package dev.cnnbuild.maven;

import dev.cnnbuild.core.model.ProjectPaths;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.ModelSpecReader;
import dev.cnnbuild.core.spec.ModuleArtifact;
import dev.cnnbuild.core.spec.ModuleArtifacts;
import dev.cnnbuild.core.spec.SourceLocation;
import dev.cnnbuild.core.spec.SpecException;
import dev.cnnbuild.core.spec.TorchScriptLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Resolves the module artifacts that the model files' {@code torchscript} layers name ({@code artifact:
 * groupId:artifactId:version[:classifier][@type]}) through Maven's own resolver, in Maven's JVM: the local repository
 * first, so a build offline ({@code -o}) finds a module installed or downloaded before, then the project's
 * repositories. The fork gets the files in its request ({@link ModuleArtifacts}), so the core needs no Maven. An
 * artifact that cannot be resolved fails the build before any JVM is forked, naming the model file, the layer's
 * place, the coordinates and the command that installs the module.
 *
 * <pre>{@code
 * ModuleArtifacts artifacts = new ModuleArtifactResolver(system, session, repositories, project, getLog())
 *         .resolve(List.of(Path.of("src/main/cnn/tuned.yaml")));
 * }</pre>
 */
final class ModuleArtifactResolver {
    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;
    private final Path project;
    private final Log log;

    ModuleArtifactResolver(
            RepositorySystem system,
            RepositorySystemSession session,
            List<RemoteRepository> repositories,
            Path project,
            Log log) {
        this.system = system;
        this.session = session;
        this.repositories = List.copyOf(repositories);
        this.project = project;
        this.log = log;
    }

    /**
     * Resolves every module artifact of the model files, each once. A model file that does not read is skipped here:
     * the checks before forking report its errors.
     *
     * @param modelFiles the model files
     * @return the files by coordinates; none where no layer names an artifact
     * @throws MojoExecutionException naming every artifact that cannot be resolved, where it is written and the fix
     */
    ModuleArtifacts resolve(List<Path> modelFiles) throws MojoExecutionException {
        Map<String, Path> resolved = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path modelFile : modelFiles) {
            ModelSpec spec;
            try {
                spec = ModelSpecReader.read(modelFile);
            } catch (SpecException e) {
                continue;
            }
            for (TorchScriptLayer layer : ModuleArtifacts.wanted(spec)) {
                ModuleArtifact artifact = layer.artifact().orElseThrow();
                if (resolved.containsKey(artifact.coordinates())) {
                    continue;
                }
                String where = where(layer.location()) + ": torchscript (layer "
                        + (spec.layers().indexOf(layer) + 1) + "): ";
                try {
                    Path file = resolve(artifact);
                    resolved.put(artifact.coordinates(), file);
                    log.info("Module artifact " + artifact + " of " + spec.name() + " is " + file);
                } catch (ArtifactResolutionException e) {
                    problems.add(where + unresolvable(artifact, e));
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(log::error);
            throw new MojoExecutionException("Training failed: " + String.join("; ", problems));
        }
        return ModuleArtifacts.of(resolved);
    }

    private Path resolve(ModuleArtifact artifact) throws ArtifactResolutionException {
        DefaultArtifact wanted = new DefaultArtifact(
                artifact.groupId(),
                artifact.artifactId(),
                artifact.classifier().orElse(""),
                artifact.type(),
                artifact.version());
        return system.resolveArtifact(session, new ArtifactRequest(wanted, repositories, null))
                .getArtifact()
                .getFile()
                .toPath()
                .toAbsolutePath();
    }

    private String unresolvable(ModuleArtifact artifact, ArtifactResolutionException e) {
        String searched = session.isOffline()
                ? "is not in the local repository " + localRepository() + ", and Maven runs offline (-o)"
                : "cannot be resolved from the local repository " + localRepository() + " or the repositories "
                        + String.join(
                                ", ",
                                repositories.stream()
                                        .map(RemoteRepository::getId)
                                        .toList());
        return "the module artifact " + artifact + " " + searched + " (" + firstLine(e.getMessage())
                + "); install the module (a torch.jit.save file) into the local repository with '"
                + artifact.installCommand("path/to/module.pt") + "', or deploy it to a repository the build uses";
    }

    private String localRepository() {
        return session.getLocalRepository().getBasedir().toString();
    }

    private String where(SourceLocation location) {
        return ProjectPaths.relative(project, location.file()) + ":" + location.line() + ":" + location.column();
    }

    private static String firstLine(String message) {
        String text = message == null ? "no reason given" : message;
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
