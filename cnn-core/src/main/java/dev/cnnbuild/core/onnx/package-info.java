/**
 * The ONNX export: a network built from a model file's layers, with its trained parameters, written as an ONNX
 * model that takes the preprocessed {@code N x C x H x W} batch and returns the logits, by a small protocol buffers
 * writer of its own (no protobuf library).
 *
 * <pre>{@code
 * byte[] onnx = OnnxExporter.export(spec, network);   // what cnn:train writes as model.onnx
 * }</pre>
 */
package dev.cnnbuild.core.onnx;
