package dev.cnnbuild.maven;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * One {@code cnn:check} execution of the POM, as the project model holds it: its id, its rules and the models it
 * gates. {@code cnn:train} reads them to check every rule against the model files' classes before anything trains,
 * and binds each rule with the same {@link RuleConfig} that {@code cnn:check} gets from Maven.
 *
 * <pre>{@code
 * for (CheckExecution execution : CheckExecution.of(project.getPlugin("dev.cnnbuild:cnn-maven-plugin"), text -> text)) {
 *     execution.covers("digits-cnn");   // true when its modelNames name it, or name none
 * }
 * }</pre>
 *
 * @param id the execution's id, such as {@code default} or {@code check-digits}
 * @param rules its {@code <rules>}, in order
 * @param modelNames its {@code <modelNames>}; empty for every model
 */
record CheckExecution(String id, List<RuleConfig> rules, List<String> modelNames) {
    /** The goal whose executions are read. */
    static final String GOAL = "check";

    /** Copies the lists. */
    CheckExecution {
        rules = List.copyOf(rules);
        modelNames = List.copyOf(modelNames);
    }

    /**
     * Reads the plugin's {@code check} executions; the plugin's own {@code <configuration>} counts as one when no
     * execution runs {@code check} (for {@code mvn cnn:train cnn:check}).
     *
     * @param plugin this plugin in the project model; {@code null} for none
     * @param evaluate turns a value as written, such as {@code ${minimum}}, into its value
     * @return the executions, in the POM's order
     */
    static List<CheckExecution> of(Plugin plugin, UnaryOperator<String> evaluate) {
        List<CheckExecution> executions = new ArrayList<>();
        if (plugin == null) {
            return executions;
        }
        for (PluginExecution execution : plugin.getExecutions()) {
            if (execution.getGoals().contains(GOAL)) {
                Xpp3Dom configuration =
                        Xpp3Dom.mergeXpp3Dom(copy(execution.getConfiguration()), copy(plugin.getConfiguration()));
                executions.add(read(execution.getId(), configuration, evaluate));
            }
        }
        if (executions.isEmpty() && plugin.getConfiguration() instanceof Xpp3Dom configuration) {
            CheckExecution pluginLevel = read("(plugin configuration)", configuration, evaluate);
            if (!pluginLevel.rules().isEmpty()) {
                executions.add(pluginLevel);
            }
        }
        return executions;
    }

    /** Tells whether this execution gates the model of this name. */
    boolean covers(String modelName) {
        return modelNames.isEmpty() || modelNames.contains(modelName);
    }

    private static CheckExecution read(String id, Xpp3Dom configuration, UnaryOperator<String> evaluate) {
        List<RuleConfig> rules = new ArrayList<>();
        List<String> modelNames = new ArrayList<>();
        if (configuration != null) {
            Xpp3Dom rulesElement = configuration.getChild("rules");
            if (rulesElement != null) {
                for (Xpp3Dom rule : rulesElement.getChildren()) {
                    rules.add(new RuleConfig(
                            value(rule, "metric", evaluate),
                            value(rule, "label", evaluate),
                            value(rule, "minimum", evaluate),
                            value(rule, "maximum", evaluate),
                            value(rule, "absoluteTolerance", evaluate),
                            value(rule, "relativeTolerance", evaluate)));
                }
            }
            Xpp3Dom names = configuration.getChild("modelNames");
            if (names != null) {
                if (names.getChildCount() == 0 && names.getValue() != null) {
                    Arrays.stream(evaluate.apply(names.getValue()).split(","))
                            .map(String::trim)
                            .filter(name -> !name.isEmpty())
                            .forEach(modelNames::add);
                }
                for (Xpp3Dom name : names.getChildren()) {
                    if (name.getValue() != null) {
                        modelNames.add(evaluate.apply(name.getValue()).trim());
                    }
                }
            }
        }
        return new CheckExecution(id, rules, modelNames);
    }

    private static String value(Xpp3Dom element, String name, UnaryOperator<String> evaluate) {
        Xpp3Dom child = element.getChild(name);
        return child == null || child.getValue() == null ? null : evaluate.apply(child.getValue());
    }

    private static Xpp3Dom copy(Object configuration) {
        return configuration instanceof Xpp3Dom dom ? new Xpp3Dom(dom) : null;
    }
}
