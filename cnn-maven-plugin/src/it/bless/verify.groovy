// cnn:bless writes the trained model's metrics as its baseline, where cnn:check looks for it.
def baseline = new File(basedir, 'src/test/cnn/tiny.metrics.json')
assert baseline.isFile()
def blessed = new groovy.json.JsonSlurper().parse(baseline)
def trained = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/cnn/tiny/metrics.json'))
assert blessed.test.accuracy == trained.test.accuracy
assert blessed.test.loss == trained.test.loss
assert new File(basedir, 'build.log').text.contains("Blessed tiny: its metrics are the new baseline ${baseline.canonicalPath}")
// The model directory and its baseline are portable: the model file is recorded relative to the project, and no
// file holds the project's absolute path.
assert blessed.source == 'src/main/cnn/tiny.yaml'
for (path in ['target/cnn/tiny/metrics.json', 'target/cnn/tiny/fingerprint.txt', 'target/cnn/tiny/report.html',
              'src/test/cnn/tiny.metrics.json']) {
    assert !new File(basedir, path).text.contains(basedir.canonicalPath) : path
}
