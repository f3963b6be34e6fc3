// A small model trains in the forked JVM and its model directory appears whole.
def model = new File(basedir, 'target/cnn/tiny')
['parameters.params', 'model.yaml', 'metrics.json', 'fingerprint.txt', 'manifest.sha256', 'report.html',
 'model.onnx'].each {
    assert new File(model, it).isFile() : "missing ${it} in ${model}"
}
// the ONNX export: a protobuf ModelProto (field 1, ir_version 7, first) covered by the manifest
def onnx = new File(model, 'model.onnx').bytes
assert onnx[0] == 0x08 && onnx[1] == 7 : "model.onnx does not start with ir_version 7"
def onnxHash = java.security.MessageDigest.getInstance('SHA-256').digest(onnx).encodeHex().toString()
assert new File(model, 'manifest.sha256').text.contains("${onnxHash}  model.onnx\n")
assert new File(model, 'model.yaml').text == new File(basedir, 'src/main/cnn/tiny.yaml').text
def metrics = new groovy.json.JsonSlurper().parse(new File(model, 'metrics.json'))
assert metrics.name == 'tiny'
assert metrics.history.size() == 3
assert metrics.test.count == 128
assert metrics.test.accuracy >= 0.95 : "tiny model reached only ${metrics.test.accuracy}"
def log = new File(basedir, 'build.log').text
assert log.contains('tiny: training: no model yet at')
assert log.contains('tiny: training on cpu() with PyTorch 2.5.1')
assert new File(model, 'report.html').text.contains('id="learning-curves"')
assert log.contains('epoch 3 done in')
// the gzipped IDX files are read by position from decompressed copies beside the decoded cache, never whole
def cache = new File(basedir, 'target/cnn-cache/tiny')
def trainImages = new File(basedir, 'src/main/cnn/data/train-images.idx3.gz').canonicalPath
assert log.contains("tiny: training images decompressed from ${trainImages} into ${new File(cache, 'train.idx').canonicalPath}"
        + ' (0.0 MB), because there was no decompressed copy yet')
assert log.contains("tiny: test images decompressed from ")
assert new File(cache, 'train.idx').length() == 16 + 256 * 8 * 8 + 64
assert !cache.listFiles().any { it.name.endsWith('.partial') || it.name.endsWith('.tmp') } : 'staging file left behind'
// the test set is measured once, after the last epoch (training.testPass: end, the default)
assert log =~ /(?m)epoch 1 done in .*train accuracy \d\.\d{4}$/
assert log =~ /(?m)epoch 3 done in .*, test loss \d\.\d{4}, test accuracy \d\.\d{4}$/
assert metrics.history*.testAccuracy == [null, null, metrics.test.accuracy]
assert log =~ /tiny: test accuracy \d\.\d{4} \(\d+ of 128\) after 3 epochs/
assert !log.contains('Extracting') : 'DJL logging should be quiet unless cnn.verbose is set'
assert !new File(basedir, 'target/cnn').listFiles().any { it.name.startsWith('.') && it.name != '.cnn.lock' } :
        'staging folder left behind'
if (!new File('/proc/driver/nvidia/version').exists()) {
    // natives auto and device auto on a machine without an NVIDIA GPU: the CPU natives, said in one line, and the CPU
    assert log =~ /\[INFO\] PyTorch natives ai\.djl\.pytorch:pytorch-native-cpu:2\.5\.1:\S+ \(device cpu\): natives auto found no usable NVIDIA GPU \(/
    assert new groovy.json.JsonSlurper().parse(new File(model, 'metrics.json')).device == 'cpu()'
}
