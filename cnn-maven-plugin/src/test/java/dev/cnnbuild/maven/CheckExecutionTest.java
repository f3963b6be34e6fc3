package dev.cnnbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/** cnn:train reads the rules of the POM's cnn:check executions from the project model, as cnn:check gets them. */
class CheckExecutionTest {

    @Test
    void readsTheRulesAndModelsOfEveryCheckExecution() throws Exception {
        Plugin plugin = new Plugin();
        plugin.addExecution(execution("train", "train", "<configuration/>"));
        plugin.addExecution(execution(
                "check-digits",
                "check",
                "<configuration><modelNames><modelName>digits</modelName></modelNames><rules>"
                        + "<rule><metric>classAccuracy</metric><label>zeroo</label><minimum>${bar}</minimum></rule>"
                        + "</rules></configuration>"));
        plugin.addExecution(execution(
                "check-all",
                "check",
                "<configuration><modelNames>a, b</modelNames><rules><rule><metric>accuracy</metric>"
                        + "<minimum>0.9</minimum></rule></rules></configuration>"));
        Map<String, String> properties = Map.of("${bar}", "0.95");

        List<CheckExecution> executions = CheckExecution.of(plugin, text -> properties.getOrDefault(text, text));

        assertThat(executions).extracting(CheckExecution::id).containsExactly("check-digits", "check-all");
        assertThat(executions.get(0).rules())
                .extracting(RuleConfig::toString)
                .containsExactly("<metric>classAccuracy</metric><label>zeroo</label><minimum>0.95</minimum>");
        assertThat(executions.get(0).covers("digits")).isTrue();
        assertThat(executions.get(0).covers("mnist")).isFalse();
        assertThat(executions.get(1).modelNames()).containsExactly("a", "b");
    }

    @Test
    void thePluginsConfigurationCountsForEveryExecutionAndForTheCommandLine() throws Exception {
        Plugin plugin = new Plugin();
        plugin.setConfiguration(dom("<configuration><rules><rule><metric>loss</metric><maximum>0.1</maximum></rule>"
                + "</rules></configuration>"));

        assertThat(CheckExecution.of(plugin, text -> text)).singleElement().satisfies(execution -> {
            assertThat(execution.id()).isEqualTo("(plugin configuration)");
            assertThat(execution.rules())
                    .extracting(RuleConfig::toString)
                    .containsExactly("<metric>loss</metric><maximum>0.1</maximum>");
            assertThat(execution.covers("any")).isTrue();
        });
        plugin.addExecution(execution("gate", "check", "<configuration/>"));
        assertThat(CheckExecution.of(plugin, text -> text))
                .singleElement()
                .satisfies(execution -> assertThat(execution.id()).isEqualTo("gate"))
                .satisfies(execution -> assertThat(execution.rules()).hasSize(1));
        assertThat(CheckExecution.of(null, text -> text)).isEmpty();
    }

    private static PluginExecution execution(String id, String goal, String configuration) throws Exception {
        PluginExecution execution = new PluginExecution();
        execution.setId(id);
        execution.addGoal(goal);
        execution.setConfiguration(dom(configuration));
        return execution;
    }

    private static Xpp3Dom dom(String xml) throws Exception {
        return Xpp3DomBuilder.build(new StringReader(xml));
    }
}
