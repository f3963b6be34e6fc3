package dev.cnnbuild.maven;

import dev.cnnbuild.core.rules.RuleException;
import dev.cnnbuild.core.spec.DeviceChoice;
import dev.cnnbuild.core.spec.MemoryLimit;
import dev.cnnbuild.maven.natives.NativesChoice;
import dev.cnnbuild.maven.natives.NativesException;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Checks a goal's parameters before anything is forked, and reports every wrong one at once, each naming the
 * parameter, its property, the value and the fix, in the style of the {@code natives} parameter's message.
 *
 * <pre>{@code
 * new ParameterCheck("cnn:train")
 *         .atLeastOne("threads", "cnn.threads", 0, "PyTorch threads of the forked JVM")
 *         .failIfAny();
 * // MojoExecutionException: Invalid parameter of cnn:train: <threads> (-Dcnn.threads) is 0, but must be at
 * // least 1 (PyTorch threads of the forked JVM); remove it to use the default
 * }</pre>
 */
final class ParameterCheck {
    private final String goal;
    private final List<String> problems = new ArrayList<>();

    ParameterCheck(String goal) {
        this.goal = goal;
    }

    /** Checks a count that is unset or at least 1. */
    ParameterCheck atLeastOne(String parameter, String property, Integer value, String meaning) {
        if (value != null && value < 1) {
            problems.add(name(parameter, property) + " is " + value + ", but must be at least 1 (" + meaning
                    + "); remove it to use the default");
        }
        return this;
    }

    /** Checks a device that is unset or {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}. */
    ParameterCheck device(String parameter, String property, String value) {
        if (value != null && !value.isBlank()) {
            try {
                DeviceChoice.parse(value);
            } catch (IllegalArgumentException e) {
                problems.add(name(parameter, property) + " is '" + value + "', but must be auto, cpu, gpu or gpu:N"
                        + " (such as gpu:1)");
            }
        }
        return this;
    }

    /** Checks a device count that is unset, {@code all} or at least 1. */
    ParameterCheck deviceCount(String parameter, String property, String value) {
        if (value != null && !value.isBlank()) {
            try {
                DeviceChoice.parseDevices(value);
            } catch (IllegalArgumentException e) {
                problems.add(name(parameter, property) + " is '" + value + "', but must be 'all' or a count of at"
                        + " least 1");
            }
        }
        return this;
    }

    /** Checks that a folder the goal reads or writes is not an existing regular file. */
    ParameterCheck folder(String parameter, String property, File folder) {
        if (folder != null && folder.isFile()) {
            problems.add(name(parameter, property) + " is " + folder + ", which is a file, not a folder; remove the"
                    + " file or name another folder");
        }
        return this;
    }

    /** Checks that a java executable, if given, is a file that can be run. */
    ParameterCheck executable(String parameter, String property, File file) {
        if (file != null && !(file.isFile() && file.canExecute())) {
            problems.add(name(parameter, property) + " is " + file + ", which "
                    + (file.exists() ? "cannot be executed" : "does not exist") + "; name a java executable, such as"
                    + " $JAVA_HOME/bin/java, or remove it to use the JVM that runs Maven");
        }
        return this;
    }

    /** Checks a memory size that is unset or a whole number of bytes, or one with a unit ({@code 16g}). */
    ParameterCheck memoryLimit(String parameter, String property, String value) {
        if (value != null && !value.isBlank()) {
            try {
                MemoryLimit.parse(value);
            } catch (IllegalArgumentException e) {
                problems.add(name(parameter, property) + " is '" + value + "', but must be a memory size: a whole"
                        + " number of bytes above 0, or one with a unit, such as 512m, 16g or 1t");
            }
        }
        return this;
    }

    /** Checks the natives: {@code auto}, {@code cpu}, {@code cuda} or {@code groupId:artifactId:version:classifier}. */
    ParameterCheck natives(String value) {
        try {
            NativesChoice.parse(value);
        } catch (NativesException e) {
            problems.add(e.getMessage());
        }
        return this;
    }

    /**
     * Binds each rule to the core's rule, as {@code cnn:check} does.
     *
     * @param where the rules' place in messages, such as {@code <rules>} or {@code <rules> of cnn:check execution
     *     'default'}
     * @param rules the rules; {@code null} for none
     */
    ParameterCheck rules(String where, List<RuleConfig> rules) {
        if (rules != null) {
            for (int i = 0; i < rules.size(); i++) {
                try {
                    rules.get(i).toRule();
                } catch (RuleException e) {
                    problems.add("rule " + (i + 1) + " of " + where + " (" + rules.get(i) + "): " + e.getMessage());
                }
            }
        }
        return this;
    }

    /** Checks that every extra environment variable has a name and a value. */
    ParameterCheck environment(String parameter, Map<String, String> variables) {
        if (variables != null) {
            variables.forEach((variable, value) -> {
                if (value == null) {
                    problems.add("<" + parameter + "> gives " + variable + " no value; write" + " <" + variable
                            + ">value</" + variable + "> or remove it");
                }
            });
        }
        return this;
    }

    /**
     * Fails the goal if any parameter was wrong.
     *
     * @throws MojoExecutionException listing every problem
     */
    void failIfAny() throws MojoExecutionException {
        if (!problems.isEmpty()) {
            throw new MojoExecutionException("Invalid parameter" + (problems.size() == 1 ? "" : "s") + " of " + goal
                    + ": " + String.join("; ", problems));
        }
    }

    private static String name(String parameter, String property) {
        return "<" + parameter + "> (-D" + property + ")";
    }
}
