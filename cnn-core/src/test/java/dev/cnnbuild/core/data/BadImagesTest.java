package dev.cnnbuild.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cnnbuild.core.spec.BadImagePolicy;
import org.junit.jupiter.api.Test;

/** The onBadImage policy: fail naming the file and both fixes, or skip with one summary line. */
class BadImagesTest {
    private static final UnreadableImageException BROKEN =
            new UnreadableImageException("/p/images/cat/3.jpg: cannot be decoded as an image (bad header); the file"
                    + " is damaged or not what its extension says: replace it or remove it");

    @Test
    void failNamesTheFileAndOffersToSkip() {
        BadImages bad = new BadImages(BadImagePolicy.FAIL);

        assertThatThrownBy(() -> bad.found("cat/3.jpg", BROKEN))
                .isInstanceOf(DatasetException.class)
                .hasMessage("/p/images/cat/3.jpg: cannot be decoded as an image (bad header); the file is damaged or"
                        + " not what its extension says: replace it or remove it; or set 'onBadImage: skip' in the"
                        + " model file's 'data' section to leave unreadable images out");
        assertThat(bad.summary()).isEmpty();
    }

    @Test
    void skipRecordsEachFileAndSummarisesTheFirstFewSorted() throws Exception {
        BadImages bad = new BadImages(BadImagePolicy.SKIP);
        for (String key :
                new String[] {"dog/9.png", "cat/3.jpg", "cat/1.jpg", "dog/2.png", "dog/5.png", "cat/8.jpg", "cat/4.jpg"
                }) {
            bad.found(key, BROKEN);
        }

        assertThat(bad.skipped()).hasSize(7).startsWith("cat/1.jpg", "cat/3.jpg");
        assertThat(bad.summary())
                .hasValue("skipped 7 unreadable images (onBadImage: skip): cat/1.jpg, cat/3.jpg, cat/4.jpg, cat/8.jpg,"
                        + " dog/2.png, ... (2 more)");
    }

    @Test
    void oneSkippedFileIsNamedAlone() throws Exception {
        BadImages bad = new BadImages(BadImagePolicy.SKIP);
        bad.found("cat/3.jpg", BROKEN);

        assertThat(bad.summary()).hasValue("skipped 1 unreadable image (onBadImage: skip): cat/3.jpg");
    }

    @Test
    void nothingSkippedGivesNoLine() {
        assertThat(new BadImages(BadImagePolicy.SKIP).summary()).isEmpty();
    }
}
