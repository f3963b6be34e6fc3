package dev.cnnbuild.maven.natives;

/**
 * Chooses the native artifact for the machine: {@code auto} takes the CUDA build only when the platform has one on
 * Maven Central and an NVIDIA GPU with a driver new enough for it is found, the platform's CPU build otherwise;
 * {@code cuda} fails clearly, before anything is resolved or forked, where that is not so.
 *
 * <p>Apple's {@code mps} device is never chosen: DJL's PyTorch engine reaches it through the CPU natives of
 * {@code osx-aarch64}, and {@code device: auto} trains on the CPU there (see docs/gpu.md for why).
 *
 * <pre>{@code
 * NativesSelection chosen = NativesSelector.select(NativesChoice.parse("auto"), Platform.current(),
 *         NvidiaGpus.detect(HostProbe.local()), NativesVersions.bundled());
 * }</pre>
 */
public final class NativesSelector {
    private static final String NO_GPU_FIX =
            "; use -Dcnn.natives=auto (or cpu), or run on a machine with an" + " NVIDIA GPU";

    private NativesSelector() {}

    /**
     * Chooses the natives.
     *
     * @param choice the {@code natives} parameter
     * @param platform this machine's platform
     * @param gpus the NVIDIA GPUs found
     * @param versions the engine's native artifacts
     * @return the natives, their device and why
     * @throws NativesException if the choice cannot work on this machine
     */
    public static NativesSelection select(
            NativesChoice choice, Platform platform, GpuScan gpus, NativesVersions versions) throws NativesException {
        return switch (choice.kind()) {
            case CPU -> new NativesSelection(versions.cpu(platform.cpuClassifier()), "cpu", "natives cpu asked for");
            case CUDA ->
                new NativesSelection(
                        versions.cuda(platform.classifier()),
                        "gpu",
                        "natives cuda asked for; found " + usableCuda(platform, gpus, versions, "cuda"));
            case AUTO -> auto(platform, gpus, versions);
            case EXPLICIT -> explicit(choice.coordinates(), gpus);
        };
    }

    private static NativesSelection auto(Platform platform, GpuScan gpus, NativesVersions versions)
            throws NativesException {
        String cuda = "CUDA " + versions.cudaVersion();
        if (!platform.hasCudaNatives()) {
            String mps = "osx".equals(platform.os()) ? "; Apple's mps device is not used (see docs/gpu.md)" : "";
            return new NativesSelection(
                    versions.cpu(platform.cpuClassifier()),
                    "cpu",
                    "natives auto: Maven Central" + " has no " + cuda + " natives for " + platform.classifier() + mps);
        }
        if (gpus.count() == 0) {
            return new NativesSelection(
                    versions.cpu(platform.cpuClassifier()), "cpu", "natives auto found " + gpus.describe());
        }
        if (!gpus.driver().isAtLeast(platform.cuda12Driver())) {
            return new NativesSelection(
                    versions.cpu(platform.cpuClassifier()),
                    "cpu",
                    "natives auto found "
                            + gpus.describe() + ", but " + cuda + " needs driver " + platform.cuda12Driver()
                            + " or later; training on the CPU until the driver is updated");
        }
        return new NativesSelection(
                versions.cuda(platform.classifier()),
                "gpu",
                "natives auto found " + gpus.describe() + ", new enough for " + cuda);
    }

    private static NativesSelection explicit(String coordinates, GpuScan gpus) throws NativesException {
        String artifactId = coordinates.split(":")[1];
        if (artifactId.matches(".*-cu\\d+.*")) {
            if (gpus.count() == 0) {
                throw new NativesException("natives " + coordinates + " is a CUDA build, but this machine has "
                        + gpus.describe() + NO_GPU_FIX);
            }
            return new NativesSelection(
                    coordinates, "gpu", "natives given as coordinates of a CUDA build; found " + gpus.describe());
        }
        return new NativesSelection(coordinates, "cpu", "natives given as coordinates");
    }

    private static String usableCuda(Platform platform, GpuScan gpus, NativesVersions versions, String asked)
            throws NativesException {
        if (!platform.hasCudaNatives()) {
            throw new NativesException("natives " + asked + " asked for, but Maven Central has CUDA "
                    + versions.cudaVersion() + " natives for " + String.join(" and ", Platform.CUDA_CLASSIFIERS)
                    + " only, and this machine is " + platform.classifier() + NO_GPU_FIX);
        }
        if (gpus.count() == 0) {
            throw new NativesException(
                    "natives " + asked + " asked for, but this machine has " + gpus.describe() + NO_GPU_FIX);
        }
        if (!gpus.driver().isAtLeast(platform.cuda12Driver())) {
            throw new NativesException("natives " + asked + " asked for, but this machine has " + gpus.describe()
                    + ", and CUDA " + versions.cudaVersion() + " needs driver " + platform.cuda12Driver()
                    + " or later; update the NVIDIA driver, or use -Dcnn.natives=cpu");
        }
        return gpus.describe();
    }
}
