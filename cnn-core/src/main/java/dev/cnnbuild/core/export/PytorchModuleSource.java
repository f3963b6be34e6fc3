package dev.cnnbuild.core.export;

import dev.cnnbuild.core.spec.AvgPoolLayer;
import dev.cnnbuild.core.spec.BatchNormLayer;
import dev.cnnbuild.core.spec.Conv2dLayer;
import dev.cnnbuild.core.spec.DropoutLayer;
import dev.cnnbuild.core.spec.FlattenLayer;
import dev.cnnbuild.core.spec.GeluLayer;
import dev.cnnbuild.core.spec.GlobalAvgPoolLayer;
import dev.cnnbuild.core.spec.GlobalMaxPoolLayer;
import dev.cnnbuild.core.spec.LayerShape;
import dev.cnnbuild.core.spec.LayerSpec;
import dev.cnnbuild.core.spec.LeakyReluLayer;
import dev.cnnbuild.core.spec.LinearLayer;
import dev.cnnbuild.core.spec.MaxPoolLayer;
import dev.cnnbuild.core.spec.ModelSpec;
import dev.cnnbuild.core.spec.ReluLayer;
import dev.cnnbuild.core.spec.RepeatLayer;
import dev.cnnbuild.core.spec.ResidualLayer;
import dev.cnnbuild.core.spec.SigmoidLayer;
import dev.cnnbuild.core.spec.SiluLayer;
import dev.cnnbuild.core.spec.TanhLayer;
import dev.cnnbuild.core.spec.TensorShape;
import dev.cnnbuild.core.spec.TorchScriptLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The text of {@code model.py}: the network as a PyTorch {@code nn.Module}, one module per layer of the model file,
 * initialised as {@code NetworkBuilder} initialises it (convolution and linear weights and biases uniform in
 * {@code ±1/sqrt(fan_in)}), with {@code nn.Flatten} flattening in the same C, H, W order, so parameters map one to
 * one. A {@code residual} block is a {@code Residual} module summing an {@code nn.Sequential} of its layers and its
 * shortcut (the input, or a 1x1 convolution without bias and a batch norm), a {@code repeat} an {@code nn.Sequential}
 * of every copy, as {@code NetworkBuilder} nests its ParallelBlock and SequentialBlock. {@code DJL_BLOCKS} says what
 * {@code djl_params.py} needs to read and write DJL's parameter file, nested the same way.
 *
 * <pre>{@code
 * String python = PytorchModuleSource.of(model.spec(), model.shapes());   // class Network(nn.Module): ...
 * }</pre>
 */
final class PytorchModuleSource {
    /** The modules of the layers that take no settings, by layer type. */
    private static final Map<String, String> WITHOUT_SETTINGS = Map.of(
            ReluLayer.TYPE, "nn.ReLU()",
            SigmoidLayer.TYPE, "nn.Sigmoid()",
            TanhLayer.TYPE, "nn.Tanh()",
            GeluLayer.TYPE, "nn.GELU()",
            SiluLayer.TYPE, "nn.SiLU()",
            GlobalAvgPoolLayer.TYPE, "GlobalAvgPool()",
            GlobalMaxPoolLayer.TYPE, "GlobalMaxPool()",
            FlattenLayer.TYPE, "nn.Flatten()");

    /** The layer types whose DJL blocks are of a kind of their own; every other layer is a DJL lambda block. */
    private static final Set<String> OWN_DJL_KINDS = Set.of(
            Conv2dLayer.TYPE,
            LinearLayer.TYPE,
            BatchNormLayer.TYPE,
            DropoutLayer.TYPE,
            TorchScriptLayer.TYPE,
            ResidualLayer.TYPE,
            RepeatLayer.TYPE);

    private PytorchModuleSource() {}

    /**
     * Returns the module's source, or throws naming every layer that has no PyTorch translation.
     *
     * @param spec the model
     * @param shapes its layers with their shapes
     * @return the text of {@code model.py}
     * @throws ExportException naming each layer that cannot be translated, and why
     */
    static String of(ModelSpec spec, List<LayerShape> shapes) throws ExportException {
        StringBuilder modules = new StringBuilder();
        StringBuilder blocks = new StringBuilder();
        List<String> problems = new ArrayList<>();
        translate(shapes, "", "            ", "    ", modules, blocks, problems);
        if (!problems.isEmpty()) {
            throw new ExportException(problems);
        }
        return "\"\"\"The network of " + spec.name() + ", layer for layer as the model file writes it; written by"
                + " cnn:export.\n\nWeights and biases of conv2d and linear start uniform in +-1/sqrt(fan_in), as"
                + " cnn:train's and PyTorch's own\ndefaults; flatten keeps the C, H, W order, so each parameter is"
                + " the one of the same name in parameters.params.\n\"\"\"\n"
                + "import math\nimport os\n\nimport torch\nfrom torch import nn\n\n"
                + "HERE = os.path.dirname(os.path.abspath(__file__))\n\n\n"
                + "class TorchScript(nn.Module):\n"
                + "    \"\"\"torchscript: a pretrained TorchScript module, carried by the package; until epoch frozen_epochs + 1"
                + " it is\n    frozen (eval mode, no gradient), as cnn:train's TorchScriptBlock.\"\"\"\n\n"
                + "    def __init__(self, file, frozen_epochs):\n"
                + "        super().__init__()\n"
                + "        self.frozen_epochs = frozen_epochs\n"
                + "        self.trains = frozen_epochs < 1\n"
                + "        self.replace(torch.jit.load(os.path.join(HERE, file), map_location=\"cpu\"))\n\n"
                + "    def replace(self, module):\n"
                + "        \"\"\"Runs another module (parameters.params' trained one), frozen or not as this one.\"\"\"\n"
                + "        self.module = module\n"
                + "        for parameter in module.parameters():\n"
                + "            parameter.requires_grad_(self.trains)\n"
                + "        self.train(self.training)\n\n"
                + "    def start_epoch(self, epoch):\n"
                + "        \"\"\"Freezes or unfreezes the module for a 1-based epoch; returns whether that changed it.\"\"\"\n"
                + "        trains = epoch > self.frozen_epochs\n"
                + "        changed = trains != self.trains\n"
                + "        self.trains = trains\n"
                + "        self.replace(self.module)\n"
                + "        return changed\n\n"
                + "    def train(self, mode=True):\n"
                + "        super().train(mode)\n"
                + "        self.module.train(mode and self.trains)\n"
                + "        return self\n\n"
                + "    def forward(self, x):\n"
                + "        if self.trains:\n"
                + "            return self.module(x)\n"
                + "        with torch.no_grad():\n"
                + "            return self.module(x)\n\n\n"
                + "class GlobalAvgPool(nn.Module):\n"
                + "    \"\"\"globalAvgPool: the mean over each channel, flat, as nn.AdaptiveAvgPool2d(1) then flatten.\"\"\"\n\n"
                + "    def forward(self, x):\n"
                + "        return x.mean(dim=(2, 3))\n\n\n"
                + "class GlobalMaxPool(nn.Module):\n"
                + "    \"\"\"globalMaxPool: the largest value of each channel, flat.\"\"\"\n\n"
                + "    def forward(self, x):\n"
                + "        return x.amax(dim=(2, 3))\n\n\n"
                + "class Residual(nn.Module):\n"
                + "    \"\"\"residual: its layers' output plus the shortcut's (the input itself, or a 1x1 convolution"
                + " without bias\n    and a batch norm), as cnn:train's ParallelBlock sums them.\"\"\"\n\n"
                + "    def __init__(self, layers, shortcut=None):\n"
                + "        super().__init__()\n"
                + "        self.layers = layers\n"
                + "        self.shortcut = shortcut if shortcut is not None else nn.Identity()\n\n"
                + "    def forward(self, x):\n"
                + "        return self.layers(x) + self.shortcut(x)\n\n\n"
                + "NAME = \"" + spec.name() + "\"\n"
                + "INPUT = (" + spec.input().channels() + ", " + spec.input().height() + ", "
                + spec.input().width() + ")\n"
                + "CLASSES = " + spec.classes() + "\n\n"
                + "# per layer: the DJL block kind, its input shape without the batch, its index in Network.layers (in the\n"
                + "# block's or repeat's nn.Sequential for their layers); a residual adds its layers' entries and whether it\n"
                + "# projects, a repeat its layers' entries (every copy)\n"
                + "DJL_BLOCKS = [\n" + blocks + "]\n\n\n"
                + "class Network(nn.Module):\n"
                + "    def __init__(self):\n"
                + "        super().__init__()\n"
                + "        self.layers = nn.Sequential(\n" + modules + "        )\n"
                + "        for module in self.modules():\n"
                + "            if isinstance(module, (nn.Conv2d, nn.Linear)):\n"
                + "                bound = 1.0 / math.sqrt(module.weight[0].numel())\n"
                + "                nn.init.uniform_(module.weight, -bound, bound)\n"
                + "                if module.bias is not None:\n"
                + "                    nn.init.uniform_(module.bias, -bound, bound)\n\n"
                + "    def forward(self, x):\n"
                + "        return self.layers(x)\n";
    }

    /**
     * Appends the modules of the layers and their {@code DJL_BLOCKS} entries, a residual block's and a repeat's
     * layers nested in an {@code nn.Sequential} of their own, or adds a problem for each layer without a translation.
     */
    private static void translate(
            List<LayerShape> shapes,
            String number,
            String indent,
            String blockIndent,
            StringBuilder modules,
            StringBuilder blocks,
            List<String> problems) {
        for (int position = 0; position < shapes.size(); position++) {
            LayerShape shape = shapes.get(position);
            LayerSpec layer = shape.layer();
            String head = String.format(
                    Locale.ROOT, "%s(\"%s\", %s, %d", blockIndent, djlKind(layer), tuple(shape.input()), position);
            if (layer instanceof ResidualLayer || layer instanceof RepeatLayer) {
                boolean residual = layer instanceof ResidualLayer;
                modules.append(indent)
                        .append(residual ? "Residual(nn.Sequential(" : "nn.Sequential(")
                        .append("  # layer ")
                        .append(number)
                        .append(shape.index())
                        .append(": ")
                        .append(layer.type())
                        .append('\n');
                blocks.append(head).append(", [\n");
                translate(
                        shape.inner(),
                        number + shape.index() + ".",
                        indent + "    ",
                        blockIndent + "    ",
                        modules,
                        blocks,
                        problems);
                blocks.append(blockIndent).append("]").append(residual ? ", " + pythonBool(shape.projects()) : "");
                blocks.append("),\n");
                modules.append(indent).append(')');
                if (residual && shape.projects()) {
                    modules.append(String.format(
                            Locale.ROOT,
                            ", shortcut=nn.Sequential(nn.Conv2d(%d, %d, kernel_size=1, stride=%d, bias=False),"
                                    + " nn.BatchNorm2d(%d, eps=1e-05, momentum=0.1)))",
                            shape.input().dim(0),
                            shape.output().dim(0),
                            shape.stride(),
                            shape.output().dim(0)));
                } else if (residual) {
                    modules.append(')');
                }
                modules.append(",\n");
                continue;
            }
            String module = module(shape);
            if (module == null) {
                problems.add(String.format(
                        Locale.ROOT,
                        "%s: layer %s%d (%s) cannot be exported to PyTorch: cnn:export has no translation for it yet;"
                                + " train this model with cnn:train, or replace the layer",
                        layer.location(),
                        number,
                        shape.index(),
                        layer.type()));
                continue;
            }
            modules.append(indent)
                    .append(module)
                    .append(",  # layer ")
                    .append(number)
                    .append(shape.index())
                    .append(": ")
                    .append(layer.type())
                    .append('\n');
            blocks.append(head).append("),\n");
        }
    }

    private static String pythonBool(boolean value) {
        return value ? "True" : "False";
    }

    private static String module(LayerShape shape) {
        LayerSpec layer = shape.layer();
        TensorShape input = shape.input();
        if (layer instanceof Conv2dLayer conv) {
            return String.format(
                    Locale.ROOT,
                    "nn.Conv2d(%d, %d, kernel_size=%d, stride=%d, padding=%d, dilation=%d, groups=%d, bias=%s)",
                    input.dim(0),
                    conv.filters(),
                    conv.kernel(),
                    conv.stride(),
                    conv.padding(),
                    conv.dilation(),
                    conv.groups(),
                    conv.bias() ? "True" : "False");
        }
        if (layer instanceof LinearLayer linear) {
            return "nn.Linear(" + input.size() + ", " + linear.units() + ")";
        }
        if (layer instanceof MaxPoolLayer pool) {
            return "nn.MaxPool2d(kernel_size=" + pool.kernel() + ", stride=" + pool.stride() + ")";
        }
        if (layer instanceof AvgPoolLayer pool) {
            return "nn.AvgPool2d(kernel_size=" + pool.kernel() + ", stride=" + pool.stride() + ")";
        }
        if (layer instanceof LeakyReluLayer leaky) {
            return "nn.LeakyReLU(negative_slope=" + leaky.slope() + ")";
        }
        if (layer instanceof TorchScriptLayer torchScript) {
            return "TorchScript(\"" + PytorchExport.moduleFile(shape.index()) + "\", frozen_epochs="
                    + torchScript.frozenEpochs() + ")";
        }
        if (layer instanceof DropoutLayer dropout) {
            return "nn.Dropout(p=" + dropout.rate() + ")";
        }
        if (layer instanceof BatchNormLayer) {
            return (input.isFlat() ? "nn.BatchNorm1d(" : "nn.BatchNorm2d(") + input.dim(0)
                    + ", eps=1e-05, momentum=0.1)";
        }
        return WITHOUT_SETTINGS.get(layer.type());
    }

    /** The DJL block kind {@code convert.py} maps a layer's parameters by: its own type, or a lambda's. */
    private static String djlKind(LayerSpec layer) {
        return OWN_DJL_KINDS.contains(layer.type()) ? layer.type() : "lambda";
    }

    private static String tuple(TensorShape shape) {
        return shape.dims().stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ",)"));
    }
}
