package dev.cnnbuild.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cause of a failed TorchScript call is found under the interpreter's trace. */
class TorchScriptErrorTest {

    @Test
    void theLastErrorLineIsTheCause() {
        String report = "The following operation failed in the TorchScript interpreter.\n"
                + "Traceback of TorchScript, serialized code (most recent call last):\n"
                + "  File \"code/__torch__/torch/nn/modules/container.py\", line 12, in forward\n"
                + "    input0 = (_0).forward(input, )\n"
                + "    return (_1).forward(input0, )\n"
                + "             ~~~~~~~~~~~ <--- HERE\n"
                + "Traceback of TorchScript, original code (most recent call last):\n"
                + "RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x64 and 36x3)\n";

        assertThat(TorchScriptError.cause(report))
                .isEqualTo("mat1 and mat2 shapes cannot be multiplied (1x64 and 36x3)");
    }

    @Test
    void withoutAnErrorLineTheFirstLineIsTheCause() {
        assertThat(TorchScriptError.cause("\n  something went wrong\nat somewhere\n"))
                .isEqualTo("something went wrong");
        assertThat(TorchScriptError.cause(null)).isEqualTo("the engine gave no reason");
    }
}
