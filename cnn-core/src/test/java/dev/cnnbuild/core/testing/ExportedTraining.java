package dev.cnnbuild.core.testing;

import dev.cnnbuild.core.export.PytorchExport;
import dev.cnnbuild.core.spec.CheckedModel;
import dev.cnnbuild.core.spec.MemoryLimit;
import java.nio.file.Path;

/**
 * Trains a tiny colour folder model with the package {@code cnn:export} writes, as a model trained under torchrun
 * comes back into the build: for the tests of the test API and the runtime that take such a directory. Needs
 * {@link PythonTorch#PYTHON} with torch.
 *
 * <pre>{@code
 * Path model = ExportedTraining.trainTinyFolderModel(dir, 3);   // dir/torch/exported, written by train.py
 * }</pre>
 */
public final class ExportedTraining {
    /** The model's name, and so its directory's under {@code torch/}. */
    public static final String NAME = "exported";

    private ExportedTraining() {}

    /**
     * Writes 20 colour images of 8x8 per class, a model file holding a quarter of them out ({@code normalize: auto}),
     * exports it and trains it with {@code train.py} into {@code dir/torch}.
     *
     * @param dir an empty folder for the images, the package and the trained model
     * @param seed the images' seed
     * @return the model directory train.py wrote, {@code dir/torch/exported}
     * @throws Exception if writing, exporting or training fails
     */
    public static Path trainTinyFolderModel(Path dir, long seed) throws Exception {
        TinyImages.writeClasses(dir.resolve("images"), 20, 8, 8, seed);
        Path file = TinyImages.writeFolderModel(dir, NAME, "  dir: images\n  testSplit: 0.25\n  normalize: auto\n", 3);
        Path pkg = PytorchExport.write(CheckedModel.read(file, MemoryLimit.machine()), dir, dir.resolve("export"));
        PythonTorch.run(pkg, "train.py", "--output", dir.resolve("torch").toString(), "--threads", "1");
        return dir.resolve("torch").resolve(NAME);
    }
}
