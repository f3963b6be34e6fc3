// By default (onBadImage: fail) an unreadable image fails the build naming the file and both fixes, with no stack
// trace, and no model is written.
def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'images/red/3.png').canonicalPath
assert log.contains("${file}: is not a PNG, JPEG, BMP, GIF or WebP image although its name says so; replace it or"
        + " remove it; or set 'onBadImage: skip' in the model file's 'data' section to leave unreadable images out")
assert !log.contains('\tat dev.cnnbuild.core') : 'no stack trace of the fork for bad input'
assert !new File(basedir, 'target/cnn/colours').exists()
