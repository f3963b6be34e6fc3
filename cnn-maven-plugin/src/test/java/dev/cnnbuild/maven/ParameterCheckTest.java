package dev.cnnbuild.maven;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Wrong parameters are all reported before anything is forked, each with its property and the fix. */
class ParameterCheckTest {
    @TempDir
    Path dir;

    @Test
    void validAndUnsetParametersPass() {
        assertThatCode(() -> new ParameterCheck("cnn:train")
                        .atLeastOne("threads", "cnn.threads", null, "threads")
                        .atLeastOne("threads", "cnn.threads", 3, "threads")
                        .device("device", "cnn.device", "gpu:1")
                        .device("device", "cnn.device", null)
                        .deviceCount("devices", "cnn.devices", "all")
                        .folder(
                                "outputDirectory",
                                "cnn.outputDirectory",
                                dir.resolve("absent").toFile())
                        .executable("jvm", "cnn.jvm", null)
                        .environment("environmentVariables", Map.of("A", "1"))
                        .failIfAny())
                .doesNotThrowAnyException();
    }

    @Test
    void zeroAndNegativeThreadsAreNamed() {
        assertThatThrownBy(() -> new ParameterCheck("cnn:train")
                        .atLeastOne("threads", "cnn.threads", 0, "the PyTorch threads of the forked JVM")
                        .failIfAny())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("Invalid parameter of cnn:train: <threads> (-Dcnn.threads) is 0, but must be at least 1"
                        + " (the PyTorch threads of the forked JVM); remove it to use the default");
        assertThatThrownBy(() -> new ParameterCheck("cnn:check")
                        .atLeastOne("threads", "cnn.threads", -1, "the PyTorch threads of the forked JVM")
                        .failIfAny())
                .hasMessageContaining("<threads> (-Dcnn.threads) is -1, but must be at least 1");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        File file = Files.writeString(dir.resolve("cnn"), "x").toFile();
        Map<String, String> environment = new HashMap<>();
        environment.put("OMP_WAIT_POLICY", null);

        assertThatThrownBy(() -> new ParameterCheck("cnn:train")
                        .device("device", "cnn.device", "tpu")
                        .deviceCount("devices", "cnn.devices", "0")
                        .folder("outputDirectory", "cnn.outputDirectory", file)
                        .executable("jvm", "cnn.jvm", dir.resolve("no-java").toFile())
                        .environment("environmentVariables", environment)
                        .failIfAny())
                .hasMessage("Invalid parameters of cnn:train: <device> (-Dcnn.device) is 'tpu', but must be auto, cpu,"
                        + " gpu or gpu:N (such as gpu:1); <devices> (-Dcnn.devices) is '0', but must be 'all' or a"
                        + " count of at least 1; <outputDirectory> (-Dcnn.outputDirectory) is " + file + ", which is"
                        + " a file, not a folder; remove the file or name another folder; <jvm> (-Dcnn.jvm) is "
                        + dir.resolve("no-java") + ", which does not exist; name a java executable, such as"
                        + " $JAVA_HOME/bin/java, or remove it to use the JVM that runs Maven;"
                        + " <environmentVariables> gives OMP_WAIT_POLICY no value; write"
                        + " <OMP_WAIT_POLICY>value</OMP_WAIT_POLICY> or remove it");
    }

    @Test
    void memoryLimitNativesAndRulesAreCheckedInMavensJvm() {
        assertThatCode(() -> new ParameterCheck("cnn:train")
                        .memoryLimit("memoryLimit", "cnn.memoryLimit", "16g")
                        .memoryLimit("memoryLimit", "cnn.memoryLimit", null)
                        .natives("auto")
                        .natives("ai.djl.pytorch:pytorch-native-cpu:2.5.1:linux-x86_64")
                        .rules("<rules>", List.of(new RuleConfig("accuracy", null, "98%", null, null, null)))
                        .rules("<rules>", null)
                        .failIfAny())
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new ParameterCheck("cnn:train")
                        .memoryLimit("memoryLimit", "cnn.memoryLimit", "lots")
                        .natives("tpu")
                        .rules(
                                "<rules> of cnn:check execution 'default'",
                                List.of(
                                        new RuleConfig("accuracy", null, "98%", null, null, null),
                                        new RuleConfig("acuracy", null, "0.9", null, null, null)))
                        .failIfAny())
                .hasMessage("Invalid parameters of cnn:train: <memoryLimit> (-Dcnn.memoryLimit) is 'lots', but must"
                        + " be a memory size: a whole number of bytes above 0, or one with a unit, such as 512m, 16g or"
                        + " 1t; <natives> (-Dcnn.natives) is 'tpu', but must be auto, cpu, cuda or"
                        + " groupId:artifactId:version:classifier, such as"
                        + " ai.djl.pytorch:pytorch-native-cpu:2.5.1:linux-x86_64; rule 2 of <rules> of cnn:check"
                        + " execution 'default' (<metric>acuracy</metric><minimum>0.9</minimum>): unknown metric 'acuracy'; did you mean"
                        + " 'accuracy'? Valid metrics: accuracy, loss, macroPrecision, macroRecall, macroF1, classAccuracy, classPrecision,"
                        + " classRecall, classF1");
    }
}
