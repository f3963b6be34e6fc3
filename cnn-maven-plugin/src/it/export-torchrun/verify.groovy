// The exported package trained under torchrun: 2 processes wrote a model directory that cnn:check gated at 0.97,
// and 1 process with the same seed reached the same test accuracy within 0.5 points.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Exported mnist-2 to target/cnn-export/mnist-2/pytorch')
assert log =~ /mnist-2: epoch 2\/2: .*, 2 processes/
assert log =~ /(?m)mnist-2: epoch 2\/2: .*, 1 process$/
['torchrun-2', 'torchrun-1'].each { out ->
    def model = new File(basedir, "target/${out}/mnist-2")
    ['parameters.params', 'model.yaml', 'metrics.json', 'fingerprint.txt', 'manifest.sha256', 'model.pt'].each {
        assert new File(model, it).isFile() : "missing ${it} in ${model}"
    }
}
def two = new JsonSlurper().parse(new File(basedir, 'target/torchrun-2/mnist-2/metrics.json'))
def one = new JsonSlurper().parse(new File(basedir, 'target/torchrun-1/mnist-2/metrics.json'))
assert two.history.size() == 2 && one.history.size() == 2
assert two.test.count == 10000
assert two.versions.djl == 'none'
println "test accuracy: 2 processes ${two.test.accuracy}, 1 process ${one.test.accuracy}"
assert Math.abs(two.test.accuracy - one.test.accuracy) <= 0.005 :
        "2 processes reached ${two.test.accuracy}, 1 process ${one.test.accuracy}: more than 0.5 points apart"
// cnn:check measured the directory itself on the 10,000 test images and the rule held
assert log =~ /mnist-2: measured on 10,000 test images: test accuracy \d\.\d{4}/
def summary = new File(basedir, 'target/cnn-reports/cnn-summary.md').getText('UTF-8')
assert summary.startsWith('### cnn:check: quality gate passed')
assert summary =~ /(?m)^\| test accuracy minimum 0\.97 \| \d\.\d{4} \| \S+ passed \|$/
