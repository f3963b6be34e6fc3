package dev.cnnbuild.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.testing.TinyImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing an ImageFolder layout: sorted class names, nested and hidden files, non-images, and errors. */
class ImageFolderListingTest {
    @TempDir
    Path dir;

    @Test
    void classesAreTheSortedFolderNamesAndHiddenFilesAreIgnored() throws Exception {
        TinyImages.solid(dir.resolve("zebra/1.png"), 2, 2, 0, "png");
        TinyImages.solid(dir.resolve("cat/b.JPG"), 2, 2, 0, "jpeg");
        TinyImages.solid(dir.resolve("cat/nested/a.bmp"), 2, 2, 0, "bmp");
        TinyImages.solid(dir.resolve("cat/.hidden.png"), 2, 2, 0, "png");
        TinyImages.solid(dir.resolve(".git/x.png"), 2, 2, 0, "png");
        Files.writeString(dir.resolve("cat/notes.txt"), "a cat");
        Files.writeString(dir.resolve("zebra/.DS_Store"), "");

        ImageListing listing = ImageFolderListing.list(dir);

        assertThat(listing.classNames()).containsExactly("cat", "zebra");
        assertThat(listing.files())
                .extracting(LabeledFile::key, LabeledFile::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("cat/b.JPG", 0),
                        org.assertj.core.groups.Tuple.tuple("cat/nested/a.bmp", 0),
                        org.assertj.core.groups.Tuple.tuple("zebra/1.png", 1));
        assertThat(listing.skipped()).containsExactly("cat/notes.txt");
    }

    @Test
    void anEmptyClassFolderIsAnError() throws Exception {
        TinyImages.solid(dir.resolve("cat/1.png"), 2, 2, 0, "png");
        Files.createDirectories(dir.resolve("dog"));
        Files.writeString(dir.resolve("dog/readme.txt"), "soon");

        assertThatThrownBy(() -> ImageFolderListing.list(dir))
                .isInstanceOf(DatasetException.class)
                .hasMessage(
                        dir.resolve("dog") + ": class folder 'dog' holds no images (png, jpg, jpeg, bmp, gif, webp);"
                                + " add its images or remove the folder");
    }

    @Test
    void oneClassIsAnError() throws Exception {
        TinyImages.solid(dir.resolve("cat/1.png"), 2, 2, 0, "png");

        assertThatThrownBy(() -> ImageFolderListing.list(dir))
                .isInstanceOf(DatasetException.class)
                .hasMessage(dir + ": only one class folder ('cat'); a classifier needs at least two, so add a"
                        + " subfolder of images for each other class");
    }

    @Test
    void aMissingFolderIsNamed() {
        Path missing = dir.resolve("nowhere");

        assertThatThrownBy(() -> ImageFolderListing.list(missing))
                .isInstanceOf(DatasetException.class)
                .hasMessage(missing + ": folder not found; check 'dir' in the model file's 'data' section (paths are"
                        + " relative to the model file)");
    }

    @Test
    void aFolderWithoutClassFoldersIsAnError() throws Exception {
        TinyImages.solid(dir.resolve("1.png"), 2, 2, 0, "png");

        assertThatThrownBy(() -> ImageFolderListing.list(dir))
                .isInstanceOf(DatasetException.class)
                .hasMessage(dir + ": no class folders; put each class's images in a subfolder named after the class,"
                        + " such as " + dir.resolve("cat/1.png"));
    }
}
