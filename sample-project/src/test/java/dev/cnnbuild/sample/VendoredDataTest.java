package dev.cnnbuild.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vendored MNIST files are the published ones: their raw content has the known MD5s. */
class VendoredDataTest {
    private static final Path MNIST = Path.of(System.getProperty("mnist.directory", "data/mnist"));

    @ParameterizedTest
    @CsvSource({
        "train-images-idx3-ubyte.gz, 6bbc9ace898e44ae57da46a324031adb",
        "train-labels-idx1-ubyte.gz, a25bea736e30d166cdddb491f175f624",
        "t10k-images-idx3-ubyte.gz, 2646ac647ad5339dbf082846283269ea",
        "t10k-labels-idx1-ubyte.gz, 27ae3e4e09519cfbb04c329615203637",
    })
    void rawContentHasThePublishedMd5(String file, String md5) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("MD5");
        try (InputStream in =
                new DigestInputStream(new GZIPInputStream(Files.newInputStream(MNIST.resolve(file))), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        assertThat(HexFormat.of().formatHex(digest.digest())).isEqualTo(md5);
    }
}
