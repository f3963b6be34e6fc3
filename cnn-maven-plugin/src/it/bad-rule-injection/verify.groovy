// A rule value cannot inject a field: <minimum>abc,minimum=0</minimum> is one minimum, refused as not a number,
// in Maven's JVM before anything is forked.
def log = new File(basedir, 'build.log').text
assert log.contains("Invalid parameter of cnn:check: rule 1 of <rules> (<metric>accuracy</metric>"
        + "<minimum>abc,minimum=0</minimum>): rule 'accuracy': minimum 'abc,minimum=0' is not a number; write a"
        + " fraction such as 0.98 or a percentage such as 98%") : 'the injected value must be refused as a whole'
assert !log.contains('unknown field') : 'the value must not be split into fields'
assert !log.contains('Quality gate passed')
assert !log.contains('\tat dev.cnnbuild.core') : 'no stack trace of the fork for bad input'
