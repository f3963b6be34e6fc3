package dev.cnnbuild.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A JVM started apart from Maven's, as surefire starts one for tests: the PyTorch natives can be loaded by one class
 * loader per JVM only, thread settings must be fixed before the JVM starts, and a native crash must not take Maven
 * down. Its standard output and error are relayed line by line as they come.
 *
 * <p>The fork never outlives Maven: a shutdown hook stops it when Maven ends normally or by SIGTERM (Ctrl-C, a CI
 * timeout), and the fork itself watches Maven's process ({@code ParentWatch}, given Maven's PID) and stops within a
 * fraction of a second when Maven is killed outright (SIGKILL), which no hook can catch.
 *
 * <pre>{@code
 * ForkedJvm fork = new ForkedJvm(javaExecutable, classpath, List.of("-Xmx2g"), Map.of());
 * int status = fork.run(ForkProtocol.TRAIN_MAIN_CLASS, List.of("--request", file), log::info, log::warn);
 * }</pre>
 */
final class ForkedJvm {
    private final String java;
    private final List<File> classpath;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;

    ForkedJvm(String java, List<File> classpath, List<String> jvmOptions, Map<String, String> environment) {
        this.java = java;
        this.classpath = List.copyOf(classpath);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.environment = Map.copyOf(environment);
    }

    /** Returns the full command line for {@code mainClass} and its arguments. */
    List<String> command(String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(String.join(
                File.pathSeparator,
                classpath.stream().map(File::getAbsolutePath).toList()));
        command.add(mainClass);
        command.addAll(arguments);
        return command;
    }

    /**
     * Runs the main class to its end.
     *
     * @param mainClass the main class
     * @param arguments its arguments
     * @param out receives each line of standard output
     * @param err receives each line of standard error
     * @return the exit status
     * @throws IOException if the JVM cannot be started
     * @throws InterruptedException if Maven is interrupted; the fork is then destroyed
     */
    int run(String mainClass, List<String> arguments, Consumer<String> out, Consumer<String> err)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(mainClass, arguments));
        builder.environment().putAll(environment);
        Process process = builder.start();
        Thread stopFork = new Thread(process::destroyForcibly, "cnn-fork-stop");
        Runtime.getRuntime().addShutdownHook(stopFork);
        process.getOutputStream().close();
        Thread outPump = pump(process.getInputStream(), out);
        Thread errPump = pump(process.getErrorStream(), err);
        try {
            int status = process.waitFor();
            outPump.join();
            errPump.join();
            return status;
        } finally {
            process.destroyForcibly();
            removeHook(stopFork);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Maven is shutting down: the hook is running or has run, and stops the fork
            return;
        }
    }

    private static Thread pump(InputStream stream, Consumer<String> sink) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            sink.accept(line);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                "cnn-fork-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
