// <memoryLimit> reaches the fork: a model whose estimate is above it is refused with both figures and the
// parameter's property named, before any data is read (there is none here).
def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'src/main/cnn/tiny.yaml').canonicalPath
assert log.contains("${file}:5:5: training this model needs about ") : 'estimate missing'
assert log.contains("more than the limit of 1.0 MiB (-Dcnn.memoryLimit=1m); layer ") : 'the limit must reach the fork'
assert !log.contains('\tat dev.cnnbuild.core') : 'no stack trace of the fork for bad input'
assert !new File(basedir, 'target/cnn/tiny').exists()
