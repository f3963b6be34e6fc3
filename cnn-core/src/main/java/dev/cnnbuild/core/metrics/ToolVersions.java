package dev.cnnbuild.core.metrics;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The versions that a trained model depends on: this tool, DJL, and the PyTorch engine.
 *
 * <pre>{@code
 * ToolVersions versions = ToolVersions.current(); // loads the engine
 * }</pre>
 *
 * @param cnnbuild this tool's version (the plugin's, which is the core's)
 * @param djl DJL's version
 * @param pytorch the PyTorch engine's version
 */
public record ToolVersions(String cnnbuild, String djl, String pytorch) {

    /** Returns the versions in this JVM; loads the PyTorch engine. */
    public static ToolVersions current() {
        return withPyTorch(Engine.getEngine("PyTorch").getVersion());
    }

    /**
     * Returns this tool's and DJL's versions with a PyTorch version told without loading the engine.
     *
     * @param pytorch the PyTorch version, such as {@code 2.5.1}
     * @return the versions
     */
    public static ToolVersions withPyTorch(String pytorch) {
        return new ToolVersions(toolVersion(), Engine.getDjlVersion(), pytorch);
    }

    /** Returns this tool's own version. */
    public static String toolVersion() {
        Properties properties = new Properties();
        try (InputStream in = ToolVersions.class.getResourceAsStream("/dev/cnnbuild/core/version.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
