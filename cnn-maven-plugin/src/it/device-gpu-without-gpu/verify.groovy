// device gpu on a machine without a GPU: the CPU natives are chosen (and said so), and training fails clearly.
def log = new File(basedir, 'build.log').text
assert log =~ /PyTorch natives ai\.djl\.pytorch:pytorch-native-cpu:\S+ \(device cpu\): natives auto found no usable NVIDIA GPU/
assert log.contains("device 'gpu' was asked for, but the PyTorch engine sees no usable CUDA GPU")
assert !log.contains('training on ')
assert !new File(basedir, 'target/cnn/tiny').exists()
