package dev.cnnbuild.maven.natives;

/**
 * What was found of NVIDIA GPUs: how many, with which driver, and the evidence, for the log line.
 *
 * <pre>{@code
 * GpuScan scan = NvidiaGpus.detect(HostProbe.local());
 * scan.count()      // 0 on a machine without an NVIDIA GPU
 * scan.evidence()   // "no /proc/driver/nvidia/version and no nvidia-smi"
 * }</pre>
 *
 * @param count the number of GPUs, 0 for none
 * @param driver the driver's version, or {@code null} when no driver was found
 * @param evidence where the facts come from, in words
 */
public record GpuScan(int count, DriverVersion driver, String evidence) {

    /**
     * No usable GPU.
     *
     * @param evidence why not, in words
     * @return the scan
     */
    public static GpuScan none(String evidence) {
        return new GpuScan(0, null, evidence);
    }

    /** Describes the scan in a few words, such as {@code 2 NVIDIA GPUs with driver 550.54.14 (nvidia-smi)}. */
    public String describe() {
        if (count == 0) {
            return "no usable NVIDIA GPU (" + evidence + ")";
        }
        return count + " NVIDIA GPU" + (count == 1 ? "" : "s") + " with driver " + driver + " (" + evidence + ")";
    }
}
