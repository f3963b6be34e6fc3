// The second build failed clearly, naming the first build's fork, and wrote nothing; the first build then finished
// its model, whole and matching its manifest.
import java.security.MessageDigest
import java.util.concurrent.TimeUnit

def firstPid = new File(basedir, 'first-build.pid').text as long
def forkPid = new File(basedir, 'first-fork.pid').text
def log = new File(basedir, 'build.log').text
assert log.contains(new File(basedir, 'target/cnn').path + ' is in use by another build, PID ' + forkPid + ' (training, started ')
assert log.contains('; two builds must not write the same model directories at once. Wait for it to finish (or stop'
        + ' it), then build again; or give this build another output folder (-Dcnn.outputDirectory)')
assert !log.contains('slow: training')

def first = ProcessHandle.of(firstPid)
if (first.isPresent()) {
    first.get().onExit().get(5, TimeUnit.MINUTES)
}
def firstLog = new File(basedir, 'first-build.log')
def deadline = System.currentTimeMillis() + 10_000
while (!firstLog.text.contains('BUILD ') && System.currentTimeMillis() < deadline) {
    Thread.sleep(100)
}
assert firstLog.text.contains('epoch 6 done')
assert firstLog.text.contains('BUILD SUCCESS')
assert !firstLog.text.contains('resuming')
def model = new File(basedir, 'target/cnn/slow')
def sha256 = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
def lines = new File(model, 'manifest.sha256').readLines()
assert lines.collect { it.split('  ', 2)[1] } == ['parameters.params', 'model.yaml', 'metrics.json', 'fingerprint.txt',
        'model.onnx']
lines.each { line ->
    def (hash, name) = line.split('  ', 2)
    assert sha256(new File(model, name)) == hash : "${name} does not match the manifest"
}
return true
