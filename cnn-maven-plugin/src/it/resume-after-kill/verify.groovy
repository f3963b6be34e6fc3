// The build after the kill resumed from the checkpoint after epoch 1 and wrote a whole model; the checkpoint is gone.
def log = new File(basedir, 'build.log').text
assert log =~ /slow: resuming from the checkpoint after epoch 1 of 4 \(.*\.slow\.checkpoint.epoch-1\)/
assert !log.contains('epoch 1 done') : 'epoch 1 was trained again'
assert log.contains('epoch 4 done')
def model = new File(basedir, 'target/cnn/slow')
['parameters.params', 'model.yaml', 'metrics.json', 'fingerprint.txt', 'manifest.sha256', 'report.html'].each {
    assert new File(model, it).isFile() : "missing ${it}"
}
def metrics = new groovy.json.JsonSlurper().parse(new File(model, 'metrics.json'))
assert metrics.history.size() == 4
assert metrics.resumedAfterEpoch == 1
assert !new File(basedir, 'target/cnn/.slow.checkpoint').exists()
