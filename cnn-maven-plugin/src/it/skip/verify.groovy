// -Dcnn.skip=true skips every goal (train, check and attach bound to the lifecycle, bless called by hand): the log
// says so once per goal, and nothing is written.
def log = new File(basedir, 'build.log').text
def skipped = log.readLines().findAll { it.contains('Skipping cnn execution because property cnn.skip is set.') }
assert skipped.size() == 4 : "expected train, check, attach and bless to skip, got ${skipped.size()} skip lines"
['train', 'check', 'attach', 'bless'].each { goal ->
    assert log =~ /cnn-maven-plugin:[^:]+:${goal} \(/ : "cnn:${goal} did not run"
}
assert !new File(basedir, 'target/cnn').exists()
assert !new File(basedir, 'target/cnn-reports').exists()
assert !new File(basedir, 'target/skip-1.0-cnn-models.zip').exists()
assert !new File(basedir, 'src/test/cnn').exists()
