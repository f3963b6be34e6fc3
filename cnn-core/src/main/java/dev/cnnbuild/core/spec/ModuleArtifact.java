package dev.cnnbuild.core.spec;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Maven coordinates of a TorchScript module, as a {@code torchscript} layer's {@code artifact} names it, so that a
 * backbone is versioned like any dependency. {@code cnn:train} resolves it in Maven's JVM (the local repository
 * first, so it works offline once the module is there) and hands the fork the file; the core itself never resolves
 * anything. The type is the file's extension in the repository, {@value #DEFAULT_TYPE} unless {@code @type} says
 * otherwise.
 *
 * <pre>{@code
 * ModuleArtifact backbone = ModuleArtifact.parse("org.example:digits-backbone:1.0:small");
 * backbone.coordinates();                  // "org.example:digits-backbone:1.0:small"
 * backbone.type();                         // "pt"
 * backbone.installCommand("digits.pt");    // "mvn install:install-file -Dfile=digits.pt -DgroupId=org.example ..."
 * }</pre>
 *
 * @param groupId the group
 * @param artifactId the artifact
 * @param version the version
 * @param classifier the classifier, if any
 * @param type the extension of the file in the repository, {@value #DEFAULT_TYPE} by default
 */
public record ModuleArtifact(
        String groupId, String artifactId, String version, Optional<String> classifier, String type) {

    /** The type of a module artifact unless its coordinates end with {@code @type}. */
    public static final String DEFAULT_TYPE = "pt";

    /** The form of the coordinates, for messages. */
    public static final String FORM = "groupId:artifactId:version[:classifier][@type]";

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.+-]+");
    private static final List<String> NAMES = List.of("groupId", "artifactId", "version", "classifier");

    /**
     * Checks every part.
     *
     * @throws IllegalArgumentException if a part is empty or holds a character coordinates cannot
     */
    public ModuleArtifact {
        List<String> parts = List.of(groupId, artifactId, version, classifier.orElse("x"), type);
        for (int i = 0; i < parts.size(); i++) {
            if (!PART.matcher(parts.get(i)).matches()) {
                String name = i < NAMES.size() ? NAMES.get(i) : "type";
                throw new IllegalArgumentException(name + " '" + parts.get(i) + "' is "
                        + (parts.get(i).isEmpty() ? "empty" : "not letters, digits, '.', '_', '+' or '-'"));
            }
        }
    }

    /**
     * Reads coordinates written as {@value #FORM}.
     *
     * @param text such as {@code org.example:digits-backbone:1.0} or {@code org.example:backbones:1.0:digits@ts}
     * @return the artifact
     * @throws IllegalArgumentException saying what is wrong, such as {@code it has 2 parts}
     */
    public static ModuleArtifact parse(String text) {
        String coordinates = text;
        String type = DEFAULT_TYPE;
        int at = text.indexOf('@');
        if (at >= 0) {
            coordinates = text.substring(0, at);
            type = text.substring(at + 1);
        }
        String[] parts = coordinates.split(":", -1);
        if (parts.length < 3 || parts.length > 4) {
            throw new IllegalArgumentException(
                    "it has " + parts.length + " part" + (parts.length == 1 ? "" : "s") + " between ':', not 3 or 4");
        }
        return new ModuleArtifact(
                parts[0], parts[1], parts[2], parts.length == 4 ? Optional.of(parts[3]) : Optional.empty(), type);
    }

    /**
     * Returns the coordinates as the model file writes them, with {@code @type} only where the type is not
     * {@value #DEFAULT_TYPE}.
     */
    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version
                + classifier.map(c -> ":" + c).orElse("") + (DEFAULT_TYPE.equals(type) ? "" : "@" + type);
    }

    /**
     * Returns the command that installs a module file into the local repository as this artifact.
     *
     * @param file the module file, as the command should name it
     * @return {@code mvn install:install-file -Dfile=... -DgroupId=... -DartifactId=... -Dversion=... -Dpackaging=pt}
     *     and {@code -Dclassifier=...} where there is one
     */
    public String installCommand(String file) {
        return "mvn install:install-file -Dfile=" + file + " -DgroupId=" + groupId + " -DartifactId=" + artifactId
                + " -Dversion=" + version + " -Dpackaging=" + type
                + classifier.map(c -> " -Dclassifier=" + c).orElse("");
    }

    @Override
    public String toString() {
        return coordinates();
    }
}
