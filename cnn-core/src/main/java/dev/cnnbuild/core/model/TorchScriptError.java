package dev.cnnbuild.core.model;

import java.util.List;

/**
 * Finds the cause in the PyTorch engine's report of a failed TorchScript call, which buries it under the
 * interpreter's trace: the last {@code RuntimeError: ...} line (or other {@code ...Error: ...} line), else the
 * report's first line.
 *
 * <pre>{@code
 * TorchScriptError.cause("The following operation failed in the TorchScript interpreter.\n...\n"
 *         + "RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x64 and 36x3)\n");
 * // "mat1 and mat2 shapes cannot be multiplied (1x64 and 36x3)"
 * }</pre>
 */
final class TorchScriptError {

    private TorchScriptError() {}

    static String cause(String report) {
        if (report == null || report.isBlank()) {
            return "the engine gave no reason";
        }
        List<String> lines = report.strip()
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            int colon = line.indexOf(": ");
            if (colon > 0 && line.substring(0, colon).matches("[A-Za-z.]*Error")) {
                return line.substring(colon + 2);
            }
        }
        return lines.get(0);
    }
}
