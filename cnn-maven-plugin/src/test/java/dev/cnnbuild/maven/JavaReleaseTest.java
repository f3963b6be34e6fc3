package dev.cnnbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaReleaseTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFeatureVersionOfTheJdksReleaseFile() {
        assertThat(JavaRelease.parse("IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.3\"\n"))
                .isEqualTo(OptionalInt.of(25));
        assertThat(JavaRelease.parse("JAVA_VERSION=\"17\"")).isEqualTo(OptionalInt.of(17));
        assertThat(JavaRelease.parse("JAVA_VERSION=\"1.8.0_392\"")).isEqualTo(OptionalInt.of(8));
        assertThat(JavaRelease.parse("JAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"")).isEmpty();
    }

    @Test
    void decidesFromTheJvmThatRunsNotFromMavens() throws IOException {
        Path java11 = jdk("jdk-11", "JAVA_VERSION=\"11.0.24\"");
        Path java25 = jdk("jdk-25", "JAVA_VERSION=\"25.0.3\"");

        assertThat(JavaRelease.knowsNativeAccess(java11.toFile())).isFalse();
        assertThat(JavaRelease.knowsNativeAccess(java25.toFile())).isTrue();
        assertThat(JavaRelease.knowsNativeAccess(java25.getParent().getParent().toFile()))
                .as("a JDK's folder")
                .isTrue();
        assertThat(JavaRelease.knowsNativeAccess(null))
                .as("Maven's JVM, Java 17 or later")
                .isTrue();
        assertThat(JavaRelease.knowsNativeAccess(new File(dir.toFile(), "no/such/bin/java")))
                .as("unknown: the option is left out")
                .isFalse();
    }

    private Path jdk(String name, String release) throws IOException {
        Path bin = Files.createDirectories(dir.resolve(name).resolve("bin"));
        Files.writeString(dir.resolve(name).resolve("release"), release + "\n");
        return Files.writeString(bin.resolve("java"), "");
    }
}
