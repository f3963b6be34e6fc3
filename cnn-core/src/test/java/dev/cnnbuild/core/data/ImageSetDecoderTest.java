package dev.cnnbuild.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** Decoding a listing on all cores: bytes in listing order, the first bad file named, and too little heap refused. */
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
                .hasMessageStartingWith(dir.resolve("2.png") + ": ");
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
