package dev.cnnbuild.core.export;

import java.util.List;

/**
 * What in a model file cannot be exported, one problem per layer or option: each names it, where it is written
 * and why, so the user knows what to change; nothing is written.
 *
 * <pre>{@code
 * try {
 *     PytorchExport.write(model, project, exportDirectory);
 * } catch (ExportException e) {
 *     e.problems().forEach(log::error);   // mnist.yaml:9:5: layer 3 (foo) cannot be exported to PyTorch: ...
 * }
 * }</pre>
 */
public final class ExportException extends Exception {
    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param problems one message per layer or option that cannot be exported, at least one
     */
    public ExportException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Returns one message per layer or option that cannot be exported. */
    public List<String> problems() {
        return problems;
    }
}
