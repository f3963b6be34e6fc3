// Trains the model in a build of its own, then damages its directory in three ways, one at a time, and runs
// cnn:check on each: every one must fail naming the damaged file, without a stack trace of the reader; cnn:bless
// refuses a damaged metrics.json. It leaves the directory with an edited model.yaml (filters 4 -> 5) for the build
// that invoker then runs.
import java.nio.file.Files
import java.nio.file.StandardCopyOption

def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def settings = new File(basedir, 'nested-settings.xml')
settings.text = new File(itSettingsTemplate).text.replace('@localRepositoryUrl@',
        new File(outerLocalRepository).toURI().toString())
def build = { String name, List<String> goals ->
    def command = [mvn, '-B', '-s', settings.path, '-Dmaven.repo.local=' + localRepositoryPath] + goals
    def log = new File(basedir, name + '.log')
    def status = new ProcessBuilder(command*.toString()).directory(basedir).redirectErrorStream(true)
            .redirectOutput(log).start().waitFor()
    return [status, log.text]
}
def (trained, trainLog) = build('first-build', ['verify'])
assert trained == 0 : 'the first build failed; see first-build.log'

def model = new File(basedir, 'target/cnn/tiny').toPath()
def good = new File(basedir, 'target/good-copy').toPath()
Files.createDirectories(good)
model.toFile().eachFile { Files.copy(it.toPath(), good.resolve(it.name), StandardCopyOption.REPLACE_EXISTING) }
def restore = {
    good.toFile().eachFile { Files.copy(it.toPath(), model.resolve(it.name), StandardCopyOption.REPLACE_EXISTING) }
}
def tamperings = [
    'parameters.params': { File f -> f.bytes = Arrays.copyOf(f.bytes, f.bytes.length.intdiv(2)) },
    'metrics.json'     : { File f -> f.text = f.text.substring(0, f.text.length().intdiv(2)) },
    'model.yaml'       : { File f -> f.text = f.text.replace('filters: 4', 'filters: 5') },
]
tamperings.each { name, tamper ->
    restore()
    tamper(model.resolve(name).toFile())
    def (status, log) = build('check-' + name, [cnnPlugin + ':check'])
    assert status != 0 : "cnn:check passed with a damaged ${name}"
    assert log.contains('[ERROR] ' + model.resolve(name) + ' does not match its SHA-256 in manifest.sha256: it was'
            + ' changed or damaged after training; retrain it') : "the check of a damaged ${name} did not name it"
    assert !log.contains('EOFException') && !log.contains('JsonParseException') && !log.contains('JsonEOFException')
    assert !log.contains('measured on') : "a damaged ${name} was measured"
}
restore()
tamperings['metrics.json'](model.resolve('metrics.json').toFile())
def (blessed, blessLog) = build('bless-metrics.json', [cnnPlugin + ':bless'])
assert blessed != 0 : 'cnn:bless blessed a damaged metrics.json'
assert blessLog.contains('Cannot bless a model directory that does not match its manifest: '
        + model.resolve('metrics.json') + ' does not match its SHA-256 in manifest.sha256')
assert !new File(basedir, 'src/test/cnn/tiny.metrics.json').exists() : 'a damaged model became the baseline'
restore()
tamperings['model.yaml'](model.resolve('model.yaml').toFile())
return true
