package dev.cnnbuild.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cnnbuild.core.testing.TinyImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing a CSV file of path,label rows: names or numbers, quoting, relative paths, and each row error. */
class CsvListingTest {
    @TempDir
    Path dir;

    @Test
    void labelsAsNamesAreSortedIntoClassesAndPathsAreRelativeToTheCsv() throws Exception {
        TinyImages.solid(dir.resolve("photos/a, b.png"), 2, 2, 0, "png");
        TinyImages.solid(dir.resolve("photos/2.jpg"), 2, 2, 0, "jpeg");
        TinyImages.solid(dir.resolve("photos/3.png"), 2, 2, 0, "png");
        Path labels = Files.createDirectories(dir.resolve("labels"));
        Path csv = Files.writeString(
                labels.resolve("train.csv"),
                "path,label\n"
                        + "\"../photos/a, b.png\",dog\n../photos/2.jpg, cat\n\n../photos/3.png,dog\n../photos/x.txt,dog\n");

        ImageListing listing = CsvListing.list(csv);

        assertThat(listing.classNames()).containsExactly("cat", "dog");
        assertThat(listing.files())
                .extracting(LabeledFile::key, LabeledFile::label)
                .containsExactly(
                        tuple("../photos/a, b.png", 1), tuple("../photos/2.jpg", 0), tuple("../photos/3.png", 1));
        assertThat(listing.skipped()).containsExactly("../photos/x.txt");
    }

    @Test
    void labelsAsNumbersAreTheClassIndices() throws Exception {
        TinyImages.solid(dir.resolve("1.png"), 2, 2, 0, "png");
        TinyImages.solid(dir.resolve("2.png"), 2, 2, 0, "png");
        Path csv = Files.writeString(dir.resolve("train.csv"), "path,label\n1.png,1\n2.png,0\n");

        ImageListing listing = CsvListing.list(csv);

        assertThat(listing.classNames()).containsExactly("0", "1");
        assertThat(listing.files()).extracting(LabeledFile::label).containsExactly(1, 0);
    }

    @Test
    void aMissingFileIsNamedWithItsRow() throws Exception {
        TinyImages.solid(dir.resolve("1.png"), 2, 2, 0, "png");
        Path csv = Files.writeString(dir.resolve("train.csv"), "path,label\n1.png,cat\ngone.png,dog\n");

        assertThatThrownBy(() -> CsvListing.list(csv))
                .isInstanceOf(DatasetException.class)
                .hasMessage(csv + ":3: image gone.png not found (looked for " + dir.resolve("gone.png") + "); fix the"
                        + " path, which is relative to the CSV file, or remove the row");
    }

    @Test
    void aLinkedImageIsListedAndABrokenLinkIsNamedWithItsRow() throws Exception {
        Path target = TinyImages.solid(dir.resolve("cache/ab12"), 2, 2, 0, "png");
        Files.createDirectories(dir.resolve("photos"));
        Files.createSymbolicLink(dir.resolve("photos/1.png"), target);
        Files.createSymbolicLink(dir.resolve("photos/2.png"), dir.resolve("cache/missing"));
        TinyImages.solid(dir.resolve("photos/3.png"), 2, 2, 0, "png");
        Path good = Files.writeString(dir.resolve("good.csv"), "path,label\nphotos/1.png,cat\nphotos/3.png,dog\n");
        Path broken = Files.writeString(dir.resolve("broken.csv"), "path,label\nphotos/1.png,cat\nphotos/2.png,dog\n");

        assertThat(CsvListing.list(good).files())
                .extracting(LabeledFile::key)
                .containsExactly("photos/1.png", "photos/3.png");
        assertThatThrownBy(() -> CsvListing.list(broken))
                .isInstanceOf(DatasetException.class)
                .hasMessage(broken + ":3: image photos/2.png is a link to a file that does not exist; fetch the data it"
                        + " points to (dvc pull, git annex get) or remove the row");
    }

    @Test
    void theWrongNumberOfColumnsIsNamedWithItsRow() throws Exception {
        Path csv = Files.writeString(dir.resolve("train.csv"), "path,label\na, b.png,cat\n");

        assertThatThrownBy(() -> CsvListing.list(csv))
                .isInstanceOf(DatasetException.class)
                .hasMessage(csv + ":2: 3 columns, but each row needs 2, path,label; quote a path that holds a comma"
                        + " (\"a, b.png\")");
    }

    @Test
    void mixedNamesAndNumbersAreABadLabel() throws Exception {
        TinyImages.solid(dir.resolve("1.png"), 2, 2, 0, "png");
        Path csv = Files.writeString(dir.resolve("train.csv"), "path,label\n1.png,cat\n1.png,3\n");

        assertThatThrownBy(() -> CsvListing.list(csv))
                .isInstanceOf(DatasetException.class)
                .hasMessage(csv + ":3: label '3' is a number but the first row's is a name ('cat'); write every label"
                        + " as a class name, or every one as a number");
    }

    @Test
    void anEmptyLabelIsABadLabel() throws Exception {
        Path csv = Files.writeString(dir.resolve("train.csv"), "path,label\n1.png,\n");

        assertThatThrownBy(() -> CsvListing.list(csv))
                .isInstanceOf(DatasetException.class)
                .hasMessage(csv + ":2: the label is empty; write path,label such as images/1.png,cat");
    }

    @Test
    void aGapInNumberedClassesIsAnError() throws Exception {
        TinyImages.solid(dir.resolve("1.png"), 2, 2, 0, "png");
        Path csv = Files.writeString(dir.resolve("train.csv"), "path,label\n1.png,0\n1.png,2\n");

        assertThatThrownBy(() -> CsvListing.list(csv))
                .isInstanceOf(DatasetException.class)
                .hasMessage(csv + ": no row has label 1, but labels go up to 2; number the classes 0..2 without gaps,"
                        + " or use class names");
    }

    @Test
    void aHeaderIsRequired() throws Exception {
        Path csv = Files.writeString(dir.resolve("train.csv"), "");

        assertThatThrownBy(() -> CsvListing.list(csv))
                .isInstanceOf(DatasetException.class)
                .hasMessage(csv + ":1: the first row must be the header 'path,label'; add it");
    }
}
