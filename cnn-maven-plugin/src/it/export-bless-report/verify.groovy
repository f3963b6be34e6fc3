// A model directory that the exported train.py wrote goes through cnn:check, cnn:bless and cnn:report as one that
// cnn:train wrote: the check measures it, bless writes its metrics as the baseline, the report lists it and copies
// its report.html (with the learning rate of each epoch).
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Exported shapes to target/cnn-export/shapes/pytorch')
assert log =~ /(?m)^shapes: epoch 2\/2: loss \d\.\d{4}, .*, 1 process$/
def model = new File(basedir, 'target/torch/shapes')
['parameters.params', 'model.yaml', 'metrics.json', 'fingerprint.txt', 'manifest.sha256', 'model.pt',
 'test-split.txt'].each {
    assert new File(model, it).isFile() : "missing ${it} in ${model}"
}
def trained = new JsonSlurper().parse(new File(model, 'metrics.json'))
assert trained.versions.djl == 'none'
assert trained.history.size() == 2
// the step schedule halves the rate after epoch 1
assert trained.history*.learningRate == [0.01, 0.005]

// cnn:check measured it on its 20 held-out test images
assert log =~ /shapes: measured on 20 test images: test accuracy \d\.\d{4}/
assert new File(basedir, 'target/cnn-reports/cnn-summary.md').getText('UTF-8')
        .startsWith('### cnn:check: quality gate passed')

// cnn:bless wrote its metrics as the baseline
def baseline = new File(basedir, 'src/test/cnn/shapes.metrics.json')
assert log.contains("Blessed shapes: its metrics are the new baseline ${baseline.canonicalPath}")
def blessed = new JsonSlurper().parse(baseline)
assert blessed.test.accuracy == trained.test.accuracy
assert blessed.test.loss == trained.test.loss
assert blessed.versions.djl == 'none'

// cnn:report wrote the models page and copied the model's report beside it
def page = new File(basedir, 'target/site/cnn/index.html')
assert log.contains("Wrote ${page.canonicalPath} (mvn site puts the same page in the project's site)")
def html = page.getText('UTF-8')
assert html =~ /<td>shapes<\/td>\s*<td>\d\.\d{4}<\/td>/
assert html.contains('href="shapes/report.html"')
def report = new File(basedir, 'target/site/cnn/shapes/report.html').getText('UTF-8')
// with the check's outcome (cnn:check rewrote it) and the learning rate of each epoch (issue 22)
assert report.contains('expected minimum is 0.5')
assert report.contains('<th>learning rate</th>')
assert report.contains('learning rate, epoch 1: 0.0100') && report.contains('learning rate, epoch 2: 0.0050')
