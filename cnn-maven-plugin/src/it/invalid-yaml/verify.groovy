// An invalid model file fails the build with a message that names the file, line and column, and no model is left.
def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'src/main/cnn/broken.yaml').canonicalPath
assert log.contains("${file}:5:14: unknown key 'filter' in conv2d (layer 1); did you mean 'filters'?") : 'located message missing'
assert log.contains('[ERROR] Failed to execute goal dev.cnnbuild:cnn-maven-plugin')
assert log.contains('Training failed: ')
assert !log.contains('at ai.djl') : 'no engine stack trace for bad input'
assert !new File(basedir, 'target/cnn/broken').exists()
