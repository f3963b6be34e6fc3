package dev.cnnbuild.maven.natives;

import java.util.List;
import java.util.Locale;

/**
 * The operating system and processor of the machine, as the classifier of DJL's PyTorch native artifacts names
 * them: {@code linux-x86_64}, {@code linux-aarch64}, {@code osx-aarch64}, {@code win-x86_64}.
 * Maven Central has the CPU natives of PyTorch 2.5.1 for {@code linux-x86_64}, {@code osx-aarch64} and
 * {@code win-x86_64}, and its CUDA 12.4 natives for {@code linux-x86_64} and {@code win-x86_64} (checked with
 * {@code mvn dependency:get}; there is no {@code linux-aarch64} or {@code osx-x86_64} build of 2.5.1).
 *
 * <pre>{@code
 * Platform.of("Mac OS X", "aarch64").classifier()   // "osx-aarch64"
 * Platform.current().classifier()                  // this JVM's platform
 * }</pre>
 *
 * @param os {@code linux}, {@code osx}, {@code win}, or the JVM's {@code os.name} when it is none of them
 * @param arch {@code x86_64}, {@code aarch64}, or the JVM's {@code os.arch} when it is neither
 */
public record Platform(String os, String arch) {
    /** The classifiers of {@code pytorch-native-cpu} 2.5.1 on Maven Central. */
    static final List<String> CPU_CLASSIFIERS = List.of("linux-x86_64", "osx-aarch64", "win-x86_64");

    /** The classifiers of the CUDA build {@code pytorch-native-cu124} 2.5.1 on Maven Central. */
    static final List<String> CUDA_CLASSIFIERS = List.of("linux-x86_64", "win-x86_64");

    /**
     * Names a platform the way the JVM's {@code os.name} and {@code os.arch} properties do.
     *
     * @param osName such as {@code Linux}, {@code Mac OS X}, {@code Windows 11}
     * @param osArch such as {@code amd64}, {@code x86_64}, {@code aarch64}, {@code arm64}
     * @return the platform
     */
    public static Platform of(String osName, String osArch) {
        String name = osName.toLowerCase(Locale.ROOT);
        String os = name.startsWith("linux")
                ? "linux"
                : name.startsWith("mac") || name.startsWith("darwin")
                        ? "osx"
                        : name.startsWith("windows") ? "win" : osName;
        String archName = osArch.toLowerCase(Locale.ROOT);
        String arch = archName.equals("amd64") || archName.equals("x86_64") || archName.equals("x64")
                ? "x86_64"
                : archName.equals("aarch64") || archName.equals("arm64") ? "aarch64" : osArch;
        return new Platform(os, arch);
    }

    /** Returns the platform of this JVM. */
    public static Platform current() {
        return of(System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** Returns the classifier, such as {@code linux-x86_64}. */
    public String classifier() {
        return os + "-" + arch;
    }

    /**
     * Returns the classifier of the CPU natives for this platform.
     *
     * @return the classifier
     * @throws NativesException if Maven Central has no CPU natives for this platform
     */
    String cpuClassifier() throws NativesException {
        if (!CPU_CLASSIFIERS.contains(classifier())) {
            throw new NativesException(
                    "PyTorch's CPU natives on Maven Central exist for " + String.join(", ", CPU_CLASSIFIERS)
                            + ", but this machine is " + classifier() + "; set <natives> (-Dcnn.natives)"
                            + " to the groupId:artifactId:version:classifier of a build for it in your repository manager");
        }
        return classifier();
    }

    /** Returns whether the CUDA natives exist for this platform. */
    boolean hasCudaNatives() {
        return CUDA_CLASSIFIERS.contains(classifier());
    }

    /**
     * Returns the oldest NVIDIA driver that runs CUDA 12.x builds on this operating system, through CUDA's minor
     * version compatibility (NVIDIA's CUDA compatibility table: 525.60.13 on Linux, 527.41 on Windows).
     */
    DriverVersion cuda12Driver() {
        return "win".equals(os) ? DriverVersion.CUDA_12_WINDOWS : DriverVersion.CUDA_12_LINUX;
    }
}
