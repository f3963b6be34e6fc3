package dev.cnnbuild.core.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.cli.CheckCommand;
import dev.cnnbuild.core.cli.CheckForkRequest;
import dev.cnnbuild.core.cli.ForkProtocol;
import dev.cnnbuild.core.cli.RuleArgument;
import dev.cnnbuild.core.rules.RuleException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the corpus's {@code rules.tsv} is refused with its exact message: a POM's fields by the check command,
 * as {@code cnn:check}'s fork runs them, after crossing in its request as the plugin encodes them (so that no value
 * can inject another field), and an encoded rule as a request file holds it by {@link RuleArgument#decode}.
 */
class BadRuleTest {
    @TempDir
    Path dir;

    /** One line of {@code rules.tsv}. */
    record BadRule(String name, String kind, String input, String expected) {
        @Override
        public String toString() {
            return name;
        }

        /** The POM's fields, as {@code cnn:check} puts them in its fork's request. */
        RuleArgument pomFields() {
            Map<String, String> fields = new HashMap<>();
            for (String field : input.split(" \\| ")) {
                String[] pair = field.split("=", 2);
                fields.put(pair[0], pair[1]);
            }
            return new RuleArgument(
                    fields.get("metric"),
                    fields.get("label"),
                    fields.get("minimum"),
                    fields.get("maximum"),
                    fields.get("absoluteTolerance"),
                    fields.get("relativeTolerance"));
        }
    }

    static Stream<BadRule> rules() throws Exception {
        List<String> lines = Files.readAllLines(
                Path.of(BadRuleTest.class.getResource("/bad-inputs/rules.tsv").toURI()));
        return lines.stream()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.split("\t", -1))
                .map(f -> new BadRule(f[0], f[1], f[2], f[3]));
    }

    static Stream<BadRule> pomRules() throws Exception {
        return rules().filter(rule -> rule.kind().equals("pom"));
    }

    static Stream<BadRule> encodedRules() throws Exception {
        return rules().filter(rule -> rule.kind().equals("argument"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pomRules")
    void checkCommandRefusesIt(BadRule rule) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = CheckCommand.run(
                CheckForkRequest.of(dir, List.of(rule.pomFields())),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String errors = err.toString(StandardCharsets.UTF_8);
        assertThat(errors).isEqualTo(ForkProtocol.error(rule.expected()) + System.lineSeparator());
        assertThat(status).isEqualTo(ForkProtocol.INVALID_INPUT);
        assertThat(out.toString(StandardCharsets.UTF_8) + errors).doesNotContain("\tat ", "Exception");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodedRules")
    void anEncodedRuleIsRefusedWhenItIsReadBack(BadRule rule) {
        assertThatThrownBy(() -> RuleArgument.decode(rule.input()).toRule())
                .isInstanceOf(RuleException.class)
                .hasMessage(rule.expected());
    }

    @Test
    void corpusHasPomAndEncodedRules() throws Exception {
        assertThat(rules().map(BadRule::kind).distinct()).containsExactlyInAnyOrder("pom", "argument");
    }
}
