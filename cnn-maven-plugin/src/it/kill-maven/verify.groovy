// The build after the kill resumed from the checkpoint and wrote a whole model; then an uninterrupted build of the
// same model (forced, into another folder) ends with the very same parameters.
import java.security.MessageDigest

def log = new File(basedir, 'build.log').text
assert log =~ /slow: resuming from the checkpoint after epoch [123] of 4/
assert log.contains('epoch 4 done')
def model = new File(basedir, 'target/cnn/slow')
def sha256 = { File f -> MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString() }
new File(model, 'manifest.sha256').readLines().each { line ->
    def (hash, name) = line.split('  ', 2)
    assert sha256(new File(model, name)) == hash : "${name} does not match the manifest"
}
def metrics = new groovy.json.JsonSlurper().parse(new File(model, 'metrics.json'))
assert metrics.history.size() == 4
assert metrics.resumedAfterEpoch != null

def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def settings = new File(basedir, 'killed-build-settings.xml')
def command = [mvn, '-B', '-s', settings.path, '-Dmaven.repo.local=' + localRepositoryPath,
               '-Dcnn.force=true', '-Dcnn.outputDirectory=' + new File(basedir, 'target/uninterrupted'),
               'verify']*.toString()
def uninterrupted = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
        .redirectOutput(new File(basedir, 'uninterrupted-build.log')).start()
assert uninterrupted.waitFor() == 0 : 'the uninterrupted build failed; see uninterrupted-build.log'
def reference = new File(basedir, 'target/uninterrupted/slow/parameters.params')
assert new File(model, 'parameters.params').bytes == reference.bytes :
        'the resumed build ended with other parameters than an uninterrupted one'
