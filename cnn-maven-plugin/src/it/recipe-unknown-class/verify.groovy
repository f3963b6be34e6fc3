// A class weight for a class the data do not have fails the build at that name, with the closest class suggested,
// before any epoch and without a stack trace; no model is left.
def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'src/main/cnn/weighted.yaml').canonicalPath
def error = "${file}:19:29: 'classWeights' of training weighs class 'rigth', which the data do not have; did you" +
        " mean 'right'? Valid classes: left, right"
assert log.contains(error.toString()) : "missing: ${error}"
assert !log.contains('epoch 1 done')
assert !log.contains('at ai.djl') && !log.contains('at dev.cnnbuild.core') : 'no stack trace of the fork for bad input'
assert !new File(basedir, 'target/cnn/weighted').exists()
