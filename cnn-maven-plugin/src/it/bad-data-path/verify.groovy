// A data path that is not a regular file (/dev/zero would never end) is refused at once at its key, before the
// fingerprint reads anything: the build ends instead of hanging.
def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'src/main/cnn/zero.yaml').canonicalPath
assert log.contains("${file}:8:19: 'data.train.images' is /dev/zero, which is not a regular file (a device, a pipe"
        + " or a socket); name a regular file") : 'located message missing'
assert !log.contains('\tat dev.cnnbuild.core') : 'no stack trace of the fork for bad input'
assert !new File(basedir, 'target/cnn/zero').exists()
