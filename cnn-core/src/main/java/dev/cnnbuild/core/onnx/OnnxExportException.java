package dev.cnnbuild.core.onnx;

/**
 * A network that {@link OnnxExporter} cannot write as ONNX, with the reason; nothing is written for it.
 *
 * <pre>{@code
 * try {
 *     byte[] onnx = OnnxExporter.export(spec, network);
 * } catch (OnnxExportException e) {
 *     log.warn(e.getMessage());   // "a TorchScript module ... cannot be exported ..."
 * }
 * }</pre>
 */
public final class OnnxExportException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what cannot be exported and why
     */
    public OnnxExportException(String message) {
        super(message);
    }
}
