// natives cuda on a machine without an NVIDIA GPU fails before anything is resolved or forked, with the fix.
def log = new File(basedir, 'build.log').text
assert log.contains('natives cuda asked for, but this machine has no usable NVIDIA GPU')
assert log.contains('use -Dcnn.natives=auto (or cpu), or run on a machine with an NVIDIA GPU')
assert !log.contains('pytorch-native-cu124') : 'the CUDA natives must not be resolved'
assert !log.contains('tiny: training:') : 'no JVM may be forked'
assert !log.contains('training on ')
