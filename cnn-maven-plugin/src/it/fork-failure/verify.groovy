// When the forked JVM fails, its own error output and its exit status reach the Maven log.
def log = new File(basedir, 'build.log').text
assert log.contains("Unrecognized VM option 'NoSuchOptionForCnnTests'")
assert log.contains('Training failed: the forked JVM exited with status 1; see its output above')
assert !new File(basedir, 'target/cnn/unstarted').exists()
