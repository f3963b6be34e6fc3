package dev.cnnbuild.core.engine;

import ai.djl.engine.Engine;
import dev.cnnbuild.core.spec.DeviceChoice;
import java.util.Optional;

/**
 * The inputs of a model's fingerprint that come from the PyTorch engine: its PyTorch version and the device type. {@link #forecast} tells them from the natives the engine will load without loading it (a model on
 * the CPU, or on {@code device: auto} with CPU natives); {@link #loaded} asks the loaded engine.
 *
 * <pre>{@code
 * EngineInputs inputs = EngineInputs.forecast(DeviceChoice.AUTO, ClassPathNatives.find()).orElseGet(...);   // cpu
 * EngineInputs same = EngineInputs.loaded(DeviceChoice.AUTO);                        // the engine's own answer
 * }</pre>
 *
 * @param pytorchVersion the PyTorch version, as the engine reports it, such as {@code 2.5.1}
 * @param deviceType the device type, as {@link DeviceSelector#fingerprintType} names it
 */
public record EngineInputs(String pytorchVersion, String deviceType) {

    /**
     * Tells the inputs without loading the engine, where the natives tell them.
     *
     * @param choice the model's device choice
     * @param natives the natives the engine will load; empty where only its load can tell
     * @return the inputs, or empty where only the loaded engine can tell (GPUs asked for, CUDA natives, natives
     *     not known)
     */
    public static Optional<EngineInputs> forecast(DeviceChoice choice, Optional<ClassPathNatives> natives) {
        boolean cpu = choice.kind() == DeviceChoice.Kind.CPU
                || choice.kind() == DeviceChoice.Kind.AUTO
                        && natives.map(n -> !n.cuda()).orElse(false);
        if (!cpu || natives.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new EngineInputs(natives.get().pytorchVersion(), "cpu"));
    }

    /**
     * Asks the engine, waiting for its load ({@link EngineLoader}) or loading it here.
     *
     * @param choice the model's device choice
     * @return the inputs
     * @throws DeviceUnavailableException if GPUs are asked for and the engine has fewer
     */
    public static EngineInputs loaded(DeviceChoice choice) throws DeviceUnavailableException {
        Engine engine = EngineLoader.await();
        return new EngineInputs(engine.getVersion(), DeviceSelector.fingerprintType(DeviceSelector.select(choice)));
    }
}
