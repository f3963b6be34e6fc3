// -Dcnn.skip=true skips training: the log says so and nothing is written.
def log = new File(basedir, 'build.log').text
assert log.contains('Skipping cnn execution because property cnn.skip is set.')
assert !new File(basedir, 'target/cnn').exists()
