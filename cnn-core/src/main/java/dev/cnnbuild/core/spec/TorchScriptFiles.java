package dev.cnnbuild.core.spec;

import dev.cnnbuild.core.files.RegularFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the module file of every {@code torchscript} layer of a model and checks it before training: a readable
 * regular file written by {@code torch.jit.save}. A missing file, a directory, or a file that is not TorchScript (a
 * {@code torch.save} pickle, a state dict, anything else) is an error at the layer, with the fix.
 *
 * <pre>{@code
 * Map<Integer, Path> modules = TorchScriptFiles.resolve(spec);   // {1=/project/src/main/cnn/backbone.pt}
 * // mnist.yaml:5:5: torchscript (layer 1): 'file' is /project/src/main/cnn/backbone.pt, which does not exist ...
 * }</pre>
 */
public final class TorchScriptFiles {

    private TorchScriptFiles() {}

    /**
     * Returns the module file of every torchscript layer, by the layer's 1-based index.
     *
     * @param spec the model
     * @return the files in layer order; empty for a model without torchscript layers
     * @throws SpecException at the first layer whose file is missing, unreadable or not TorchScript
     */
    public static Map<Integer, Path> resolve(ModelSpec spec) throws SpecException {
        Map<Integer, Path> files = new LinkedHashMap<>();
        List<LayerSpec> layers = spec.layers();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof TorchScriptLayer layer) {
                files.put(i + 1, check(layer, i + 1));
            }
        }
        return files;
    }

    private static Path check(TorchScriptLayer layer, int index) throws SpecException {
        String owner = "torchscript (layer " + index + "): ";
        Optional<ModuleArtifact> artifact = layer.artifact();
        if (layer.file().isEmpty()) {
            ModuleArtifact coordinates = artifact.orElseThrow();
            throw SpecException.at(
                    layer.location(),
                    owner + "'artifact' " + coordinates + " was not resolved to a file: only cnn:train resolves"
                            + " artifacts, from Maven's repositories; train with mvn cnn:train, or write 'file:'"
                            + " with the module's path instead");
        }
        Path file = layer.file().get();
        String named =
                artifact.map(a -> "'artifact' " + a + " resolved to " + file).orElse("'file' is " + file);
        String subject =
                artifact.map(a -> "'artifact' " + a + " (" + file + ")").orElse("'file' " + file);
        Optional<String> problem = RegularFiles.problem(file);
        if (problem.isPresent()) {
            String relative = Files.exists(file, LinkOption.NOFOLLOW_LINKS) || artifact.isPresent()
                    ? ""
                    : " (a relative path starts at the model file's folder)";
            throw SpecException.at(
                    layer.location(),
                    owner + named + ", which " + problem.get() + relative
                            + "; save the module there with torch.jit.save(torch.jit.script(module), path)");
        }
        TorchScriptArchive archive;
        try {
            archive = TorchScriptArchive.read(file);
        } catch (IOException e) {
            throw SpecException.at(layer.location(), owner + subject + " cannot be read (" + e + ")");
        }
        if (!archive.isTorchScript()) {
            String fix = artifact.map(a -> "; install or deploy as " + a + " a module written with"
                            + " torch.jit.save(torch.jit.script(module), path) or torch.jit.trace")
                    .orElse("; write the module with torch.jit.save(torch.jit.script(module), path) or"
                            + " torch.jit.trace");
            throw SpecException.at(
                    layer.location(),
                    owner + subject + " is not a TorchScript file (a torch.save pickle or state_dict, or"
                            + " another format)" + fix);
        }
        return file;
    }
}
