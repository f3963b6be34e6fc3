package dev.cnnbuild.maven;

import dev.cnnbuild.maven.natives.HostProbe;
import dev.cnnbuild.maven.natives.NativesChoice;
import dev.cnnbuild.maven.natives.NativesException;
import dev.cnnbuild.maven.natives.NativesResolver;
import dev.cnnbuild.maven.natives.NativesSelection;
import dev.cnnbuild.maven.natives.NativesSelector;
import dev.cnnbuild.maven.natives.NativesVersions;
import dev.cnnbuild.maven.natives.NvidiaGpus;
import dev.cnnbuild.maven.natives.Platform;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * The forked JVM's class path: the plugin's own artifacts, less any PyTorch natives and less the site-report stack
 * (what the {@code report} goal needs in Maven's JVM: the reporting API, Doxia's sink API), plus exactly the natives
 * chosen for this machine and resolved by Maven. It logs which natives, for which device and why, in one line, and the
 * whole class path at debug level.
 *
 * <pre>{@code
 * ForkClasspath.Resolved classpath = new ForkClasspath(pluginArtifacts, resolver, getLog()).build("auto");
 * classpath.entries();   // the plugin's jars and the natives jar
 * classpath.natives();   // the natives jar
 * }</pre>
 */
final class ForkClasspath {
    private static final String NATIVES_GROUP = "ai.djl.pytorch";
    private static final String NATIVES_PREFIX = "pytorch-native-";
    /** The dependency trail's entry of the report goal's base, through which the site-report stack comes. */
    private static final String REPORTING_PREFIX = "org.apache.maven.reporting:";

    private final List<Artifact> pluginArtifacts;
    private final NativesResolver resolver;
    private final Log log;

    ForkClasspath(List<Artifact> pluginArtifacts, NativesResolver resolver, Log log) {
        this.pluginArtifacts = List.copyOf(pluginArtifacts);
        this.resolver = resolver;
        this.log = log;
    }

    /**
     * Chooses and resolves the natives, and returns the class path.
     *
     * @param natives the {@code natives} parameter
     * @return the class path of the fork
     * @throws MojoExecutionException if the natives cannot be chosen or resolved; the message says why and the fix
     */
    Resolved build(String natives) throws MojoExecutionException {
        File jar;
        try {
            NativesSelection chosen = NativesSelector.select(
                    NativesChoice.parse(natives),
                    Platform.current(),
                    NvidiaGpus.detect(HostProbe.local()),
                    NativesVersions.bundled());
            log.info(chosen.logLine());
            jar = resolver.resolve(chosen.coordinates());
        } catch (NativesException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        List<File> classpath = new ArrayList<>();
        for (Artifact artifact : pluginArtifacts) {
            boolean isNatives = NATIVES_GROUP.equals(artifact.getGroupId())
                    && artifact.getArtifactId().startsWith(NATIVES_PREFIX);
            if (!isNatives && !forTheSiteOnly(artifact)) {
                classpath.add(artifact.getFile());
            }
        }
        classpath.add(jar);
        if (log.isDebugEnabled()) {
            log.debug("Forked JVM natives: " + jar);
            classpath.forEach(file -> log.debug("Forked JVM class path entry: " + file));
        }
        return new Resolved(classpath, jar);
    }

    /**
     * The fork's class path, and the natives jar on it.
     *
     * @param entries the class path, in order
     * @param natives the natives jar, one of the entries
     */
    record Resolved(List<File> entries, File natives) {
        /** Copies the list. */
        Resolved {
            entries = List.copyOf(entries);
        }
    }

    private static boolean forTheSiteOnly(Artifact artifact) {
        List<String> trail = artifact.getDependencyTrail();
        return trail != null && trail.stream().anyMatch(id -> id.startsWith(REPORTING_PREFIX));
    }
}
