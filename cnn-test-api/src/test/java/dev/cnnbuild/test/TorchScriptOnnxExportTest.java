package dev.cnnbuild.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.cnnbuild.core.evaluation.PixelScaling;
import dev.cnnbuild.core.model.LoadedModel;
import dev.cnnbuild.core.model.ModelDirectory;
import dev.cnnbuild.core.model.TorchScriptModel;
import dev.cnnbuild.core.onnx.OnnxExportException;
import dev.cnnbuild.core.onnx.OnnxExporter;
import dev.cnnbuild.core.spec.InputShape;
import dev.cnnbuild.test.fixtures.BandsModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A TorchScript module ({@code bands.pt}, the bands network scripted by PyTorch) cannot be exported to ONNX here:
 * its operations are not a model file's layers. The exporter names it and the reason, and returns nothing; the same
 * network built from its model file exports.
 */
class TorchScriptOnnxExportTest {

    @Test
    void aTorchScriptModuleIsRefusedWithTheReason() throws Exception {
        ModelDirectory directory = BandsModel.writeDefault();
        Path file = Path.of(getClass().getResource("/torchscript/bands.pt").toURI());
        try (LoadedModel built = LoadedModel.load(directory, Device.cpu());
                TorchScriptModel scripted = TorchScriptModel.load(
                        file,
                        new InputShape(1, BandsModel.SIZE, BandsModel.SIZE),
                        3,
                        PixelScaling.normalized(0.5, 0.5),
                        Device.cpu())) {
            assertThatThrownBy(() -> OnnxExporter.export(
                            built.spec(), scripted.classifier().network()))
                    .isInstanceOf(OnnxExportException.class)
                    .hasMessage("the network of bands is a PtSymbolBlock (such as a TorchScript module), not one"
                            + " built from a model file's layers, so it cannot be exported to ONNX; export the"
                            + " original module with torch.onnx.export");
            assertThat(OnnxExporter.export(built.spec(), built.network())).isNotEmpty();
        }
    }
}
