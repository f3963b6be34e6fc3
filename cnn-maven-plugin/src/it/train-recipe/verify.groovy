// A model file with the whole training recipe trains through the plugin: every epoch's learning rate (that of its
// last step) is in metrics.json and on the report, warmed up then falling along the cosine.
def model = new File(basedir, 'target/cnn/recipe')
def metrics = new groovy.json.JsonSlurper().parse(new File(model, 'metrics.json'))
assert metrics.history.size() == 3
def rates = metrics.history*.learningRate
// 256 images in batches of 16: 16 steps per epoch, 8 of warm-up, 48 in all; the cosine runs over the last 40
def cosine = { k -> 0.01 * (1 + Math.cos(Math.PI * (k - 8) / 40)) / 2 }
[15, 31, 47].eachWithIndex { step, i ->
    assert Math.abs(rates[i] - cosine(step)) < 1e-12 : "epoch ${i + 1}: rate ${rates[i]}, expected ${cosine(step)}"
}
assert metrics.test.accuracy >= 0.95 : "the recipe reached only ${metrics.test.accuracy}"
def report = new File(model, 'report.html').text
assert report.contains('aria-label="Learning rate"')
assert report.contains('<th>learning rate</th>')
def log = new File(basedir, 'build.log').text
assert log.contains('recipe: training: no model yet at')
assert !log.contains('[ERROR]')
