package dev.cnnbuild.maven.natives;

import java.io.File;
import java.util.List;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Resolves a native artifact through Maven's own resolver, with the project's repositories (mirrors, repository
 * managers, credentials and checksum policies applied by Maven) and the session's offline mode, exactly as a
 * dependency would be; nothing else is contacted.
 *
 * <pre>{@code
 * NativesResolver resolver = new NativesResolver(repositorySystem, session.getRepositorySession(),
 *         project.getRemoteProjectRepositories());
 * File jar = resolver.resolve("ai.djl.pytorch:pytorch-native-cpu:2.5.1:linux-x86_64");
 * }</pre>
 */
public final class NativesResolver {
    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final List<RemoteRepository> repositories;

    /**
     * Creates a resolver.
     *
     * @param system Maven's repository system
     * @param session the build's repository session
     * @param repositories the project's remote repositories
     */
    public NativesResolver(
            RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories) {
        this.system = system;
        this.session = session;
        this.repositories = List.copyOf(repositories);
    }

    /**
     * Resolves the jar of a native artifact, downloading it into the local repository unless it is there.
     *
     * @param coordinates {@code groupId:artifactId:version:classifier}
     * @return the jar in the local repository
     * @throws NativesException if it cannot be resolved; the message names the coordinates and the fix
     */
    public File resolve(String coordinates) throws NativesException {
        String[] parts = coordinates.split(":");
        DefaultArtifact artifact = new DefaultArtifact(parts[0], parts[1], parts[3], "jar", parts[2]);
        try {
            return system.resolveArtifact(session, new ArtifactRequest(artifact, repositories, null))
                    .getArtifact()
                    .getFile();
        } catch (ArtifactResolutionException e) {
            throw new NativesException(unresolvable(
                    coordinates,
                    session.isOffline(),
                    repositories.stream().map(RemoteRepository::getId).toList(),
                    e.getMessage()));
        }
    }

    /**
     * Says why natives cannot be resolved and what to do.
     *
     * @param coordinates the natives
     * @param offline whether Maven runs offline ({@code -o})
     * @param repositoryIds the repositories searched
     * @param cause the resolver's message
     * @return the message
     */
    static String unresolvable(String coordinates, boolean offline, List<String> repositoryIds, String cause) {
        if (offline) {
            return "the PyTorch natives " + coordinates + " are not in the local repository, and Maven runs offline"
                    + " (-o); run the build once without -o to download them (or mvn dependency:get -Dartifact="
                    + jarCoordinates(coordinates) + "), or choose other natives with -Dcnn.natives";
        }
        return "the PyTorch natives " + coordinates + " cannot be resolved from the repositories "
                + String.join(", ", repositoryIds) + " (" + cause + "); check <natives> (-Dcnn.natives), or add the"
                + " repository that hosts them to the POM or settings.xml";
    }

    private static String jarCoordinates(String coordinates) {
        String[] parts = coordinates.split(":");
        return parts[0] + ":" + parts[1] + ":" + parts[2] + ":jar:" + parts[3];
    }
}
