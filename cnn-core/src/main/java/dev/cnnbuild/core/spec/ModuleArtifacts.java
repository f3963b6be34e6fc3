package dev.cnnbuild.core.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files that the module artifacts of {@code torchscript} layers were resolved to, by their coordinates
 * ({@link ModuleArtifact#coordinates()}): {@code cnn:train} resolves them in Maven's JVM and hands them to the fork in
 * its request, so the core needs no Maven. A model read with none of them still reads (as {@code cnn:check} and the
 * test API read it: the model directory carries the module), but cannot train ({@link TorchScriptFiles}).
 *
 * <pre>{@code
 * ModuleArtifacts artifacts = ModuleArtifacts.of(Map.of("org.example:digits-backbone:1.0",
 *         Path.of("/home/me/.m2/repository/org/example/digits-backbone/1.0/digits-backbone-1.0.pt")));
 * ModelSpec resolved = artifacts.resolve(ModelSpecReader.read(Path.of("src/main/cnn/tuned.yaml")));
 * }</pre>
 *
 * @param files the resolved files by coordinates, in the order they were resolved
 */
public record ModuleArtifacts(Map<String, Path> files) {

    /** Copies the map, keeping its order. */
    public ModuleArtifacts {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** Returns no resolved artifacts, as where the core is used without Maven. */
    public static ModuleArtifacts none() {
        return new ModuleArtifacts(Map.of());
    }

    /** Returns these resolved artifacts. */
    public static ModuleArtifacts of(Map<String, Path> files) {
        return new ModuleArtifacts(files);
    }

    /**
     * Returns the torchscript layers of a model that name an artifact, for the build to resolve.
     *
     * @param spec the model
     * @return the layers in order; empty where none names an artifact
     */
    public static List<TorchScriptLayer> wanted(ModelSpec spec) {
        List<TorchScriptLayer> layers = new ArrayList<>();
        for (LayerSpec layer : spec.layers()) {
            if (layer instanceof TorchScriptLayer module && module.artifact().isPresent()) {
                layers.add(module);
            }
        }
        return layers;
    }

    /**
     * Gives every torchscript layer whose artifact was resolved its file.
     *
     * @param spec the model as read
     * @return the same model, each such layer with its file; a layer whose artifact is not here is kept as it is
     */
    public ModelSpec resolve(ModelSpec spec) {
        if (files.isEmpty()) {
            return spec;
        }
        List<LayerSpec> layers = new ArrayList<>();
        for (LayerSpec layer : spec.layers()) {
            if (layer instanceof TorchScriptLayer module
                    && module.artifact().isPresent()
                    && files.containsKey(module.artifact().get().coordinates())) {
                layers.add(module.withFile(files.get(module.artifact().get().coordinates())));
            } else {
                layers.add(layer);
            }
        }
        return new ModelSpec(
                spec.name(),
                spec.source(),
                spec.yaml(),
                spec.input(),
                spec.classes(),
                layers,
                spec.data(),
                spec.training());
    }
}
