// An invalid model file fails the build with every independent error at once, in file order, each naming the file,
// line and column and the fix, before any JVM is forked; no model is left.
def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'src/main/cnn/broken.yaml').canonicalPath
def errors = [
    "[ERROR] ${file}:5:14: unknown key 'filter' in conv2d (layer 1); did you mean 'filters'? Valid keys: filters,"
        + " kernel, stride, padding",
    "[ERROR] ${file}:7:21: 'units' of linear (layer 3) must be a whole number, but was 'two'",
    "[ERROR] ${file}:12:3: training is missing 'epochs'; add it, e.g. epochs: 10",
]
def at = errors.collect { log.indexOf(it.toString()) }
assert at.every { it >= 0 } : "every error must be reported: ${errors.findAll { !log.contains(it.toString()) }}"
assert at == at.sort(false) : 'the errors must come in file order'
assert !log.contains("is missing 'filters'") : 'a misspelt key must not also be reported as missing'
assert log.contains('[ERROR] Failed to execute goal dev.cnnbuild:cnn-maven-plugin')
assert log.contains('Training failed: ')
assert !log.contains('in a forked JVM') : 'model files are checked before any JVM is forked'
assert !log.contains('at ai.djl') : 'no engine stack trace for bad input'
assert !new File(basedir, 'target/cnn/broken').exists()
