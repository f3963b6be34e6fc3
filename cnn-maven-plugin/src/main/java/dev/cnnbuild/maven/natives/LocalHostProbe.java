package dev.cnnbuild.maven.natives;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads this machine: the driver's {@code /proc} entry, {@code /dev/nvidia*}, and {@code nvidia-smi} with a time
 * limit, so that a broken driver cannot hang the build.
 *
 * <pre>{@code
 * new LocalHostProbe().deviceFiles()   // [nvidia0, nvidia1, nvidiactl, nvidia-uvm] on a machine with 2 GPUs
 * }</pre>
 */
final class LocalHostProbe implements HostProbe {
    private static final long NVIDIA_SMI_SECONDS = 10;

    @Override
    public Optional<String> driverVersionFile() {
        Path file = Path.of("/proc/driver/nvidia/version");
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<String> deviceFiles() {
        Path dev = Path.of("/dev");
        if (!Files.isDirectory(dev)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dev)) {
            return entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("nvidia"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public Optional<List<String>> nvidiaSmi() {
        Process process;
        try {
            process = new ProcessBuilder("nvidia-smi", "--query-gpu=driver_version", "--format=csv,noheader")
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            if (!process.waitFor(NVIDIA_SMI_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            return Optional.of(Arrays.stream(text.split("\\R"))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            process.destroyForcibly();
        }
    }
}
