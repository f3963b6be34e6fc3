/**
 * The PyTorch engine and its devices, apart from what trains or evaluates on them: loading the engine on a thread of
 * its own ({@link dev.cnnbuild.core.engine.EngineLoader}), what a natives jar holds without loading it ({@link
 * dev.cnnbuild.core.engine.ClassPathNatives}), the devices that train ({@link dev.cnnbuild.core.engine.DeviceSelector})
 * and evaluate ({@link dev.cnnbuild.core.engine.EvaluationDevice}), and the engine's part of a model's fingerprint
 * ({@link dev.cnnbuild.core.engine.EngineInputs}).
 *
 * <pre>{@code
 * EngineLoader.startInBackground();
 * Device[] devices = DeviceSelector.select(DeviceChoice.AUTO);   // [cpu()] without CUDA natives and a GPU
 * }</pre>
 */
package dev.cnnbuild.core.engine;
