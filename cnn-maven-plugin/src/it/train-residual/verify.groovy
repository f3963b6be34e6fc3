// A residual network (a projection shortcut, a repeat of identity blocks with depthwise convolutions, gelu,
// leakyRelu, global average pooling) trains through cnn:train, and its model directory, ONNX export included,
// appears whole.
def model = new File(basedir, 'target/cnn/resnet')
['parameters.params', 'model.yaml', 'metrics.json', 'fingerprint.txt', 'manifest.sha256', 'report.html',
 'model.onnx'].each {
    assert new File(model, it).isFile() : "missing ${it} in ${model}"
}
def onnx = new File(model, 'model.onnx').bytes
assert onnx[0] == 0x08 && onnx[1] == 7 : "model.onnx does not start with ir_version 7"
def text = new String(onnx, 'ISO-8859-1')
['Add', 'GlobalAveragePool', 'Erf', 'LeakyRelu', 'layer4_shortcut_Conv'].each {
    assert text.contains(it) : "model.onnx has no ${it}"
}
def metrics = new groovy.json.JsonSlurper().parse(new File(model, 'metrics.json'))
assert metrics.name == 'resnet'
assert metrics.history.size() == 3
assert metrics.test.count == 128
// the parameters: 4*9 + 2*4; the block 8*4*9 + 2*8 + 8*8*9 + 2*8 and its projection 8*4 + 2*8;
// two copies of 8*9 + 2*8 + 8*8 + 2*8; the linear layer 8*2 + 2
assert metrics.parameterCount == 44 + 288 + 16 + 576 + 16 + 32 + 16 + 2 * (72 + 16 + 64 + 16) + 18
assert metrics.test.accuracy >= 0.9 : "the residual network reached only ${metrics.test.accuracy}"
def log = new File(basedir, 'build.log').text
assert log =~ /resnet: test accuracy \d\.\d{4} \(\d+ of 128\) after 3 epochs/
// the fork trained with the 1 thread that a strided 1x1 convolution on 4 channels used to crash
assert log =~ /in a forked JVM with 1 thread\b(?!s)/
