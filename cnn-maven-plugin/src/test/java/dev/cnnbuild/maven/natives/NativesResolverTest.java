package dev.cnnbuild.maven.natives;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NativesResolverTest {

    @Test
    void offlineFailureNamesTheCoordinatesAndTheOfflineSwitch() {
        assertThat(NativesResolver.unresolvable(
                        "ai.djl.pytorch:pytorch-native-cu124:2.5.1:linux-x86_64",
                        true,
                        List.of("central"),
                        "not found"))
                .isEqualTo("the PyTorch natives"
                        + " ai.djl.pytorch:pytorch-native-cu124:2.5.1:linux-x86_64 are not in the local repository,"
                        + " and Maven runs offline (-o); run the build once without -o to download them (or mvn"
                        + " dependency:get -Dartifact=ai.djl.pytorch:pytorch-native-cu124:2.5.1:jar:linux-x86_64),"
                        + " or choose other natives with -Dcnn.natives");
    }

    @Test
    void onlineFailureNamesTheRepositories() {
        assertThat(NativesResolver.unresolvable(
                        "com.acme:natives:1.0:linux-x86_64",
                        false,
                        List.of("central", "acme"),
                        "Could not find artifact"))
                .contains("cannot be resolved from the repositories central, acme (Could not find artifact)");
    }
}
