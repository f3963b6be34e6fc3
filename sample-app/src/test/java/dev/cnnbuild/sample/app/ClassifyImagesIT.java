package dev.cnnbuild.sample.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.data.IdxReader;
import dev.cnnbuild.core.data.ImageSet;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged application as a user would, {@code java -jar} with its {@code lib/} folder, on PNG files written
 * from the sample's MNIST test set, with the model the sample's build trained and gated (none is trained here).
 */
class ClassifyImagesIT {
    private static final Path JAR = Path.of(System.getProperty("app.jar"));
    private static final Path MNIST = Path.of(System.getProperty("mnist.directory"));
    private static final Pattern LINE = Pattern.compile(
            "(.+\\.png): (\\d) \\((\\d\\.\\d{4})\\)  top 3: \\d \\d\\.\\d{4}, \\d \\d\\.\\d{4}, \\d \\d\\.\\d{4}");
    private static final int IMAGES = 20;

    @TempDir
    Path dir;

    @Test
    void printsTheLabelAndProbabilityOfEveryImage() throws Exception {
        ImageSet images = IdxReader.readImages(MNIST.resolve("t10k-images-idx3-ubyte.gz"));
        int[] labels = IdxReader.readLabels(MNIST.resolve("t10k-labels-idx1-ubyte.gz"));
        List<String> command = new ArrayList<>(List.of(java(), "-jar", JAR.toString()));
        for (int i = 0; i < IMAGES; i++) {
            command.add(writePng(images, i).toString());
        }

        Run run = run(command);

        assertThat(run.status).as(run.toString()).isZero();
        List<String> lines = run.out.lines().toList();
        assertThat(lines).as(run.toString()).hasSize(IMAGES);
        int correct = 0;
        for (int i = 0; i < IMAGES; i++) {
            Matcher line = LINE.matcher(lines.get(i));
            assertThat(line.matches()).as("line %d: %s", i, lines.get(i)).isTrue();
            assertThat(line.group(1)).endsWith(String.format("%02d.png", i));
            assertThat(Double.parseDouble(line.group(3))).isBetween(0.1, 1.0);
            correct += Integer.parseInt(line.group(2)) == labels[i] ? 1 : 0;
        }
        assertThat(correct)
                .as("the gated model (98.5 %% or better) names the digits of the test set")
                .isGreaterThanOrEqualTo(IMAGES - 1);
    }

    @Test
    void aBadFileIsReportedAndTheOthersStillClassified() throws Exception {
        Path good = writePng(IdxReader.readImages(MNIST.resolve("t10k-images-idx3-ubyte.gz")), 0);
        Path missing = dir.resolve("missing.png");

        Run run = run(List.of(java(), "-jar", JAR.toString(), missing.toString(), good.toString()));

        assertThat(run.status).as(run.toString()).isEqualTo(1);
        assertThat(run.err).contains("error: " + missing + ": no such image file");
        assertThat(run.out.lines().toList()).singleElement().asString().startsWith(good + ": 7 (");
    }

    @Test
    void noImageIsAUsageError() throws Exception {
        Run run = run(List.of(java(), "-jar", JAR.toString()));

        assertThat(run.status).isEqualTo(2);
        assertThat(run.err).startsWith("usage: java -jar cnn-sample-app.jar");
    }

    @Test
    void theApplicationShipsTheRuntimeAndTheNativesButNoTestLibrary() throws Exception {
        try (Stream<Path> jars = Files.list(JAR.resolveSibling("lib"))) {
            List<String> names =
                    jars.map(jar -> jar.getFileName().toString()).sorted().toList();
            assertThat(names).anyMatch(name -> name.startsWith("cnn-runtime-"));
            assertThat(names).anyMatch(name -> name.matches("pytorch-native-(cpu|cu\\d+)-.*\\.jar"));
            assertThat(names).noneMatch(name -> name.matches("(junit|assertj|opentest4j|apiguardian|cnn-test-api).*"));
        }
    }

    private Path writePng(ImageSet images, int index) throws Exception {
        BufferedImage image = new BufferedImage(images.width(), images.height(), BufferedImage.TYPE_BYTE_GRAY);
        for (int row = 0; row < images.height(); row++) {
            for (int column = 0; column < images.width(); column++) {
                image.getRaster().setSample(column, row, 0, images.pixel(index, row, column));
            }
        }
        Path file = dir.resolve(String.format("%02d.png", index));
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private Run run(List<String> command) throws Exception {
        File out = dir.resolve("out.txt").toFile();
        File err = dir.resolve("err.txt").toFile();
        Process process = new ProcessBuilder(command)
                .redirectOutput(out)
                .redirectError(err)
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the application did not finish in 5 minutes: " + command);
        }
        return new Run(
                process.exitValue(),
                Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
        @Override
        public String toString() {
            return "exit " + status + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }
}
