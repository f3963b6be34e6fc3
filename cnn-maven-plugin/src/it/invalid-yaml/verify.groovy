// An invalid model file fails the build with every independent error at once, in file order, each naming the file,
// line and column and the fix, before any JVM is forked; no model is left.
def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'src/main/cnn/broken.yaml').canonicalPath
def errors = [
    "[ERROR] ${file}:5:14: unknown key 'filter' in conv2d (layer 1); did you mean 'filters'? Valid keys: filters,"
        + " kernel, stride, padding, dilation, groups, bias",
    "[ERROR] ${file}:7:21: 'units' of linear (layer 3) must be a whole number, but was 'two'",
    "[ERROR] ${file}:10:18: 'images' of data.test must be a file path, but was ''",
    "[ERROR] ${file}:10:22: unknown key 'files' in data.test, which needs 'labels' (an IDX label file (idx1-ubyte),"
        + " raw or gzipped, relative to the model file); write 'labels' instead of 'files'. Valid keys: images, labels",
    "[ERROR] ${file}:12:3: training is missing 'epochs'; add it, e.g. epochs: 10",
    "[ERROR] ${file}:13:31: 'momentum' of training.optimizer.sgd must be at least 0 and less than 1, but was 2",
    "[ERROR] ${file}:13:47: 'weightDecay' of training.optimizer.sgd must be zero or a positive number, but was -1",
]
def at = errors.collect { log.indexOf(it.toString()) }
assert at.every { it >= 0 } : "every error must be reported: ${errors.findAll { !log.contains(it.toString()) }}"
assert at == at.sort(false) : 'the errors must come in file order'
assert !log.contains("is missing 'filters'") : 'a misspelt key must not also be reported as missing'
assert !log.contains("is missing 'labels'") : 'a key written under an unknown name must not also be reported as missing'
assert log.contains('[ERROR] Failed to execute goal dev.cnnbuild:cnn-maven-plugin')
assert log.contains('Training failed: ')
assert !log.contains('in a forked JVM') : 'model files are checked before any JVM is forked'
assert !log.contains('at ai.djl') : 'no engine stack trace for bad input'
assert !new File(basedir, 'target/cnn/broken').exists()
