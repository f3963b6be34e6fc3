// A torchscript layer that names a Maven artifact: install:install-file puts the committed module into the local
// repository, cnn:train resolves it there (online, then offline with -o), the fork trains from the resolved file,
// cnn:check gates the model from its directory, which carries the module; the fingerprint names the coordinates.
def model = new File(basedir, 'target/cnn/tuned')
def module = new File(basedir, 'module/backbone8.pt')
def installed = new File(localRepositoryPath, 'dev/cnnbuild/it/backbones/backbone8/1.0/backbone8-1.0.pt')
assert installed.bytes == module.bytes : "install:install-file did not install ${installed}"
['parameters.params', 'model.yaml', 'metrics.json', 'fingerprint.txt', 'manifest.sha256', 'report.html',
 'torchscript-layer1.pt'].each {
    assert new File(model, it).isFile() : "missing ${it} in ${model}"
}
assert new File(model, 'torchscript-layer1.pt').bytes == module.bytes
def moduleHash = java.security.MessageDigest.getInstance('SHA-256').digest(module.bytes).encodeHex().toString()
assert new File(model, 'manifest.sha256').text.contains("${moduleHash}  torchscript-layer1.pt\n")
def fingerprint = new File(model, 'fingerprint.txt').text
assert fingerprint.contains("file:artifact dev.cnnbuild.it.backbones:backbone8:1.0=${moduleHash}\n")
assert !fingerprint.contains(localRepositoryPath.toString()) : 'the local repository must not be in the fingerprint'

def log = new File(basedir, 'build.log').text
def resolved = log.readLines().findAll {
    it.contains('Module artifact dev.cnnbuild.it.backbones:backbone8:1.0 of tuned is ')
}
assert resolved.size() == 2 : 'resolved online, then offline: ' + resolved.join('\n')
assert resolved.every { it.endsWith(installed.canonicalPath) || it.endsWith(installed.absolutePath) }
assert log.contains('epoch 3 done in')
assert log =~ /(?m)tuned: test accuracy is \d\.\d{4}, expected minimum is 0\.9$/
assert log.findAll('tuned: 1 check, 1 passed, 0 violated, 0 skipped').size() == 2
assert log =~ /tuned: up to date \(fingerprint [0-9a-f]{12} matches/ : 'the offline run finds the model up to date'
def metrics = new groovy.json.JsonSlurper().parse(new File(model, 'metrics.json'))
assert metrics.test.accuracy >= 0.9
assert metrics.parameterCount == 58 + 16 * 2 + 2 : 'the resolved module counts in the parameters'
