// 2 billion filters pass the shape checks but no machine holds them: refused before any data is read (there is
// none here), with the estimate, the limit and where it comes from, and no native allocation error.
def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'src/main/cnn/huge.yaml').canonicalPath
assert log.contains("${file}:5:5: training this model needs about 4.0 TiB (134,000,000,002 parameters,"
        + " 6,000,000,066 activation values per image in batches of 32), more than the limit of") : 'estimate missing'
assert log.contains("(this machine's memory); layer 1 (conv2d) needs the most, make it smaller, or raise the limit"
        + " with -Dcnn.memoryLimit=SIZE (such as 64g) if the machine can hold it")
assert !log.contains('\tat ai.djl') && !log.contains('\tat dev.cnnbuild.core') : 'no stack trace for bad input'
assert !new File(basedir, 'target/cnn/huge').exists()
