package dev.cnnbuild.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cnnbuild.core.files.Progress;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.core.spec.ResizeMode;
import dev.cnnbuild.core.testing.TinyImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbolic links in an image folder, as DVC and git-annex make them: linked files and class folders count, also when
 * they point outside the data folder, and keep their link's name; broken and looping links are refused.
 */
class ImageFolderLinksTest {
    @TempDir
    Path dir;

    @Test
    void aClassFolderOfLinkedFilesPointingOutsideTheDataFolderIsListed() throws Exception {
        Path cache = dir.resolve("cache");
        Path images = dir.resolve("images");
        TinyImages.solid(cache.resolve("ab/cdef01"), 2, 2, 0, "png");
        TinyImages.solid(cache.resolve("ab/cdef02"), 2, 2, 0, "png");
        TinyImages.solid(images.resolve("cat/1.png"), 2, 2, 0, "png");
        Files.createDirectories(images.resolve("dog"));
        Files.createSymbolicLink(images.resolve("dog/1.png"), cache.resolve("ab/cdef01"));
        Files.createSymbolicLink(images.resolve("dog/2.png"), Path.of("../../cache/ab/cdef02"));

        ImageListing listing = ImageFolderListing.list(images);

        assertThat(listing.files())
                .extracting(LabeledFile::key, LabeledFile::label)
                .containsExactly(tuple("cat/1.png", 0), tuple("dog/1.png", 1), tuple("dog/2.png", 1));
        assertThat(listing.files().get(2).file()).isEqualTo(images.resolve("dog/2.png"));
    }

    @Test
    void aLinkedClassFolderIsListedUnderItsLinkName() throws Exception {
        Path images = dir.resolve("images");
        TinyImages.solid(images.resolve("cat/1.png"), 2, 2, 0, "png");
        TinyImages.solid(dir.resolve("elsewhere/dogs/a.png"), 2, 2, 0, "png");
        TinyImages.solid(dir.resolve("elsewhere/dogs/b/c.png"), 2, 2, 0, "png");
        Files.createSymbolicLink(images.resolve("dog"), dir.resolve("elsewhere/dogs"));
        Progress progress = Progress.of("listing image files", -1, line -> {});

        ImageListing listing = ImageFolderListing.list(images, progress);

        assertThat(progress.done()).isEqualTo(3);
        assertThat(listing.classNames()).containsExactly("cat", "dog");
        assertThat(listing.files())
                .extracting(LabeledFile::key)
                .containsExactly("cat/1.png", "dog/a.png", "dog/b/c.png");
    }

    @Test
    void aLinkedImageDecodesAsItsTarget() throws Exception {
        Path target = TinyImages.solid(dir.resolve("outside/x.png"), 2, 2, 0xFF0000, "png");
        Path link = dir.resolve("images/cat/x.png");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, target);

        assertThat(ImageDecoder.decode(link, new InputShape(3, 2, 2), ResizeMode.NONE))
                .startsWith((byte) 255, (byte) 255, (byte) 255, (byte) 255, (byte) 0);
    }

    @Test
    void aBrokenLinkIsRefusedNamingItAndHowToFetchItsData() throws Exception {
        Path images = dir.resolve("images");
        TinyImages.solid(images.resolve("cat/1.png"), 2, 2, 0, "png");
        TinyImages.solid(images.resolve("dog/1.png"), 2, 2, 0, "png");
        Files.createSymbolicLink(images.resolve("dog/2.png"), Path.of("../../.git/annex/objects/missing"));

        assertThatThrownBy(() -> ImageFolderListing.list(images))
                .isInstanceOf(DatasetException.class)
                .hasMessage(images.resolve("dog/2.png") + ": a link to ../../.git/annex/objects/missing, which does"
                        + " not exist; fetch the data it points to (dvc pull, git annex get) or remove the link");
    }

    @Test
    void aBrokenLinkInPlaceOfAClassFolderIsRefusedRatherThanTrainingWithoutTheClass() throws Exception {
        Path images = dir.resolve("images");
        TinyImages.solid(images.resolve("cat/1.png"), 2, 2, 0, "png");
        TinyImages.solid(images.resolve("dog/1.png"), 2, 2, 0, "png");
        Files.createSymbolicLink(images.resolve("emu"), dir.resolve("not-fetched"));

        assertThatThrownBy(() -> ImageFolderListing.list(images))
                .isInstanceOf(DatasetException.class)
                .hasMessage(images.resolve("emu") + ": a link to " + dir.resolve("not-fetched") + ", which does not"
                        + " exist; fetch the data it points to (dvc pull, git annex get) or remove the link");
    }

    @Test
    void aFolderLinkThatLoopsIsRefused() throws Exception {
        Path images = dir.resolve("images");
        TinyImages.solid(images.resolve("cat/1.png"), 2, 2, 0, "png");
        TinyImages.solid(images.resolve("dog/1.png"), 2, 2, 0, "png");
        Files.createSymbolicLink(images.resolve("dog/again"), images.resolve("dog"));

        assertThatThrownBy(() -> ImageFolderListing.list(images))
                .isInstanceOf(DatasetException.class)
                .hasMessage(images.resolve("dog/again") + ": a folder link loops back to a folder above it in "
                        + images.resolve("dog") + "; remove that link");
    }
}
