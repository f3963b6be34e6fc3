package dev.cnnbuild.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Hands the test JVMs of surefire and failsafe what the test API needs, through the project properties their
 * parameters read, as JaCoCo's {@code prepare-agent} hands its agent over through {@code argLine}: jars go to
 * {@value #CLASSPATH_PROPERTY} (the property of their {@code additionalClasspathElements}), JVM options to
 * {@value #ARG_LINE_PROPERTY}. A value already there is kept, and what is there already is not added twice. A set
 * property takes the place of a configured {@code <additionalClasspathElements>} list in Maven, so the list's
 * entries are copied into it; a configured {@code <argLine>} takes the place of the property, unless it holds
 * {@code @{argLine}}.
 *
 * <pre>{@code
 * TestJvmHandOff handOff = new TestJvmHandOff(project, getLog());
 * handOff.addToClasspath(nativesJar);                   // maven.test.additionalClasspath=...,pytorch-native-cpu-2.5.1-linux-x86_64.jar
 * handOff.addJvmOption("-Dcnn.skip=true");              // argLine=... -Dcnn.skip=true
 * }</pre>
 */
final class TestJvmHandOff {
    /** The property of surefire's and failsafe's {@code additionalClasspathElements}: comma-separated paths. */
    static final String CLASSPATH_PROPERTY = "maven.test.additionalClasspath";
    /** The property of surefire's and failsafe's {@code argLine}: space-separated JVM options. */
    static final String ARG_LINE_PROPERTY = "argLine";

    private static final String CLASSPATH_PARAMETER = "additionalClasspathElements";
    private static final List<String> TEST_PLUGINS =
            List.of("org.apache.maven.plugins:maven-surefire-plugin", "org.apache.maven.plugins:maven-failsafe-plugin");

    private final MavenProject project;
    private final Properties properties;
    private final Log log;

    TestJvmHandOff(MavenProject project, Log log) {
        this.project = project;
        this.properties = project.getProperties();
        this.log = log;
    }

    /**
     * Appends a jar or folder to the test JVM's class path. The first time, the property starts with the
     * {@code <additionalClasspathElements>} that the POM configures for surefire and failsafe: Maven takes a set
     * property's value instead of the configured list, which would otherwise be lost.
     */
    void addToClasspath(File entry) {
        String path = entry.getAbsolutePath();
        String old = properties
                .getProperty(CLASSPATH_PROPERTY, configuredClasspath())
                .trim();
        if (Arrays.asList(old.split(",")).contains(path)) {
            return;
        }
        properties.setProperty(CLASSPATH_PROPERTY, old.isEmpty() ? path : old + "," + path);
        log.info("Test JVM class path (" + CLASSPATH_PROPERTY + ") gets " + path);
    }

    /** Returns the configured {@code <additionalClasspathElements>} of surefire and failsafe, comma-separated. */
    private String configuredClasspath() {
        List<String> elements = new ArrayList<>();
        for (String plugin : TEST_PLUGINS) {
            Plugin configured = project.getPlugin(plugin);
            if (configured == null) {
                continue;
            }
            List<Object> configurations = new ArrayList<>();
            configurations.add(configured.getConfiguration());
            configured.getExecutions().forEach(execution -> configurations.add(execution.getConfiguration()));
            for (Object configuration : configurations) {
                Xpp3Dom list = configuration instanceof Xpp3Dom dom ? dom.getChild(CLASSPATH_PARAMETER) : null;
                for (Xpp3Dom element : list == null ? new Xpp3Dom[0] : list.getChildren()) {
                    String value =
                            element.getValue() == null ? "" : element.getValue().trim();
                    if (!value.isEmpty() && !value.contains("${") && !elements.contains(value)) {
                        elements.add(value);
                    }
                }
            }
        }
        return String.join(",", elements);
    }

    /** Appends an option to the test JVM's command line. */
    void addJvmOption(String option) {
        String old = properties.getProperty(ARG_LINE_PROPERTY, "").trim();
        if (Arrays.asList(old.split("\\s+")).contains(option)) {
            return;
        }
        properties.setProperty(ARG_LINE_PROPERTY, old.isEmpty() ? option : old + " " + option);
        log.info("Test JVM options (" + ARG_LINE_PROPERTY + ") get " + option);
    }
}
