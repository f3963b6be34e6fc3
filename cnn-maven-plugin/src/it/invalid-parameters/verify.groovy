// Wrong parameters are all reported, each with its property and the fix, before any JVM is forked.
def log = new File(basedir, 'build.log').text
assert log.contains('Invalid parameters of cnn:train: <threads> (-Dcnn.threads) is 0, but must be at least 1'
        + ' (the PyTorch threads of the forked JVM); remove it to use the default;'
        + " <device> (-Dcnn.device) is 'tpu', but must be auto, cpu, gpu or gpu:N (such as gpu:1)")
assert log.contains("; <memoryLimit> (-Dcnn.memoryLimit) is 'lots', but must be a memory size: a whole number of"
        + " bytes above 0, or one with a unit, such as 512m, 16g or 1t; <natives> (-Dcnn.natives) is 'tpu', but must"
        + " be auto, cpu, cuda or groupId:artifactId:version:classifier")
assert !log.contains('in a forked JVM') : 'a JVM was forked despite the wrong parameters'
assert !new File(basedir, 'target/cnn').exists()
