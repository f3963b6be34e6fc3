package dev.cnnbuild.core.spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * What a TorchScript file holds, read from its zip directory without the PyTorch engine, so that a model file with a
 * {@code torchscript} layer is checked and sized before any engine loads: whether it is TorchScript at all (a
 * {@code torch.jit.save} archive has a {@code code/} folder or {@code constants.pkl}; a {@code torch.save} of a
 * module or a {@code state_dict} has neither), and how many values its tensors store.
 *
 * <pre>{@code
 * TorchScriptArchive archive = TorchScriptArchive.read(Path.of("backbone.pt"));
 * archive.isTorchScript();   // true
 * archive.storedValues();    // 58: the tensors' bytes over 4, parameters and buffers (batch-norm statistics)
 * }</pre>
 *
 * @param isTorchScript whether the archive was written by {@code torch.jit.save}
 * @param storedValues the stored tensors' bytes divided by 4 (the size of a {@code float32}): every parameter, and
 *     the buffers, such as batch norm's running statistics, which are not trained
 */
public record TorchScriptArchive(boolean isTorchScript, long storedValues) {
    private static final Pattern TENSOR = Pattern.compile("[^/]+/data/[0-9]+");
    private static final Pattern SCRIPT = Pattern.compile("[^/]+/(code/.*|constants\\.pkl)");
    private static final int FLOAT_BYTES = 4;

    /**
     * Reads a file's zip directory.
     *
     * @param file the file
     * @return what it holds; not TorchScript if it is not a zip archive
     * @throws IOException if it cannot be read
     */
    public static TorchScriptArchive read(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean script = false;
            long bytes = 0;
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                script |= SCRIPT.matcher(entry.getName()).matches();
                if (TENSOR.matcher(entry.getName()).matches() && entry.getSize() > 0) {
                    bytes += entry.getSize();
                }
            }
            return new TorchScriptArchive(script, bytes / FLOAT_BYTES);
        } catch (ZipException e) {
            return new TorchScriptArchive(false, 0);
        }
    }
}
