// A model file whose first layer is a frozen TorchScript backbone trains through cnn:train, is gated by cnn:check
// (which loads it back), and its directory carries the module but no model.onnx.
def model = new File(basedir, 'target/cnn/tuned')
['parameters.params', 'model.yaml', 'metrics.json', 'fingerprint.txt', 'manifest.sha256', 'report.html',
 'torchscript-layer1.pt'].each {
    assert new File(model, it).isFile() : "missing ${it} in ${model}"
}
assert !new File(model, 'model.onnx').exists() : 'a network with a torchscript layer is not exported to ONNX'
assert new File(model, 'torchscript-layer1.pt').bytes == new File(basedir, 'src/main/cnn/backbone8.pt').bytes
def moduleHash = java.security.MessageDigest.getInstance('SHA-256')
        .digest(new File(basedir, 'src/main/cnn/backbone8.pt').bytes).encodeHex().toString()
assert new File(model, 'manifest.sha256').text.contains("${moduleHash}  torchscript-layer1.pt\n")
assert new File(model, 'fingerprint.txt').text.contains("file:src/main/cnn/backbone8.pt=${moduleHash}\n")
def log = new File(basedir, 'build.log').text
assert log.contains('tuned: no model.onnx: layer 1 (torchscript) is a TorchScript module, whose operations the'
        + ' ONNX export does not know; export the whole network from PyTorch with torch.onnx.export if an ONNX file'
        + ' is needed')
assert log.contains('epoch 3 done in')
assert log =~ /tuned: measured on 128 test images: test accuracy \d\.\d{4}/
assert log =~ /(?m)tuned: test accuracy is \d\.\d{4}, expected minimum is 0\.9$/
assert log.contains('tuned: 1 check, 1 passed, 0 violated, 0 skipped')
def metrics = new groovy.json.JsonSlurper().parse(new File(model, 'metrics.json'))
assert metrics.test.accuracy >= 0.9 : "the head on the frozen backbone reached only ${metrics.test.accuracy}"
assert metrics.parameterCount == 58 + 16 * 2 + 2
