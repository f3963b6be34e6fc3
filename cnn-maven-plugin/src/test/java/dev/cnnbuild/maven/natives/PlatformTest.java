package dev.cnnbuild.maven.natives;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformTest {

    @ParameterizedTest
    @CsvSource({
        "Linux, amd64, linux-x86_64",
        "Linux, x86_64, linux-x86_64",
        "Linux, aarch64, linux-aarch64",
        "Mac OS X, aarch64, osx-aarch64",
        "Mac OS X, x86_64, osx-x86_64",
        "Darwin, arm64, osx-aarch64",
        "Windows 11, amd64, win-x86_64",
        "Windows Server 2022, amd64, win-x86_64",
        "FreeBSD, amd64, FreeBSD-x86_64"
    })
    void classifierFollowsOsNameAndArch(String osName, String osArch, String classifier) {
        assertThat(Platform.of(osName, osArch).classifier()).isEqualTo(classifier);
    }
}
