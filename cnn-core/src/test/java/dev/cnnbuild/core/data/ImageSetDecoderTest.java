package dev.cnnbuild.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.files.Progress;
import dev.cnnbuild.core.spec.BadImagePolicy;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import dev.cnnbuild.core.testing.TinyImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decoding a listing on all cores: bytes in listing order, the first bad file named or skipped with its label, and too
 * little heap refused.
 */
class ImageSetDecoderTest {
    @TempDir
    Path dir;

    @Test
    void imagesComeInListingOrderAsBytesOfTheInputShape() throws Exception {
        List<LabeledFile> files = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Path file = TinyImages.solid(dir.resolve(i + ".png"), 2, 2, i * 10 << 16, "png");
            files.add(new LabeledFile(file, i + ".png", i % 2));
        }

        LabeledImages images = ImageSetDecoder.decode(
                new ImageListing(dir, List.of("a", "b"), files, List.of()), new InputShape(3, 2, 2), ResizeMode.NONE);

        assertThat(images.images().channels()).isEqualTo(3);
        assertThat(IntStream.range(0, 20)
                        .map(i -> images.images().pixel(i, 0, 1, 1))
                        .toArray())
                .containsExactly(IntStream.range(0, 20).map(i -> i * 10).toArray());
        assertThat(images.labels()).startsWith(0, 1, 0, 1);
    }

    @Test
    void theFirstBadFileInListingOrderIsNamed() throws Exception {
        List<LabeledFile> files = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Path file = i % 3 == 2
                    ? Files.writeString(dir.resolve(i + ".png"), "no image")
                    : TinyImages.solid(dir.resolve(i + ".png"), 2, 2, 0, "png");
            files.add(new LabeledFile(file, i + ".png", 0));
        }

        assertThatThrownBy(() -> ImageSetDecoder.decode(
                        new ImageListing(dir, List.of("a", "b"), files, List.of()),
                        new InputShape(1, 2, 2),
                        ResizeMode.NONE))
                .hasMessageStartingWith(dir.resolve("2.png") + ": ")
                .hasMessageEndingWith("; or set 'onBadImage: skip' in the model file's 'data' section to leave"
                        + " unreadable images out");
    }

    @Test
    void skippingLeavesOutUnreadableFilesWithTheirLabelsSoTheRestStayAligned() throws Exception {
        List<LabeledFile> files = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            Path file = i % 3 == 1
                    ? Files.writeString(dir.resolve(i + ".png"), "no image")
                    : TinyImages.solid(dir.resolve(i + ".png"), 2, 2, i * 10 << 16, "png");
            files.add(new LabeledFile(file, i + ".png", i % 2));
        }
        BadImages bad = new BadImages(BadImagePolicy.SKIP);

        LabeledImages images = ImageSetDecoder.decode(
                new ImageListing(dir, List.of("a", "b"), files, List.of()),
                new InputShape(3, 2, 2),
                ResizeMode.NONE,
                bad,
                Progress.NONE);

        assertThat(images.fileNames()).containsExactly("0.png", "2.png", "3.png", "5.png", "6.png", "8.png");
        assertThat(images.labels()).containsExactly(0, 0, 1, 1, 0, 0);
        assertThat(IntStream.range(0, images.size())
                        .map(i -> images.images().pixel(i, 0, 0, 0))
                        .toArray())
                .containsExactly(0, 20, 30, 50, 60, 80);
        assertThat(bad.summary()).hasValue("skipped 3 unreadable images (onBadImage: skip): 1.png, 4.png, 7.png");
    }

    @Test
    void skippingEveryImageOfAClassIsRefusedRatherThanTrainingWithoutIt() throws Exception {
        List<LabeledFile> files = List.of(
                new LabeledFile(TinyImages.solid(dir.resolve("a.png"), 2, 2, 0, "png"), "a.png", 0),
                new LabeledFile(Files.writeString(dir.resolve("b.png"), "no image"), "b.png", 1));

        assertThatThrownBy(() -> ImageSetDecoder.decode(
                        new ImageListing(dir, List.of("cat", "dog"), files, List.of()),
                        new InputShape(1, 2, 2),
                        ResizeMode.NONE,
                        new BadImages(BadImagePolicy.SKIP),
                        Progress.NONE))
                .isInstanceOf(DatasetException.class)
                .hasMessage(dir + ": every image of class 'dog' is unreadable and was skipped (onBadImage: skip);"
                        + " replace them with readable images, or remove the class");
    }

    @Test
    void skippingDoesNotHideAnImageOfTheWrongSize() throws Exception {
        List<LabeledFile> files = List.of(
                new LabeledFile(TinyImages.solid(dir.resolve("a.png"), 3, 3, 0, "png"), "a.png", 0),
                new LabeledFile(TinyImages.solid(dir.resolve("b.png"), 2, 2, 0, "png"), "b.png", 1));

        assertThatThrownBy(() -> ImageSetDecoder.decode(
                        new ImageListing(dir, List.of("cat", "dog"), files, List.of()),
                        new InputShape(1, 2, 2),
                        ResizeMode.NONE,
                        new BadImages(BadImagePolicy.SKIP),
                        Progress.NONE))
                .hasMessageStartingWith(dir.resolve("a.png") + ": image is 3x3 (height x width)");
    }

    @Test
    void imagesThatCannotFitTheHeapAreRefusedBeforeDecodingWithTheOptionToRaise() {
        List<LabeledFile> files = IntStream.range(0, 10)
                .mapToObj(i -> new LabeledFile(dir.resolve("missing-" + i + ".png"), "missing-" + i + ".png", 0))
                .toList();

        assertThatThrownBy(() -> ImageSetDecoder.decode(
                        new ImageListing(dir, List.of("a", "b"), files, List.of()),
                        new InputShape(3, 20_000, 20_000),
                        ResizeMode.STRETCH))
                .isInstanceOf(DatasetException.class)
                .hasMessageStartingWith(dir + ": 10 images of 3x20000x20000 need 11,444 MB as bytes, but the training"
                        + " JVM has only ")
                .hasMessageContaining("; give it more with <argLine>-Xmx")
                .hasMessageEndingWith("g), or use smaller images");
    }
}
