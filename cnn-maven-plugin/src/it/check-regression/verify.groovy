// A baseline regression: the loss got worse than the committed baseline by more than the relative tolerance.
def log = new File(basedir, 'build.log').text
assert log =~ /Rule violated: tiny: test loss is 0\.\d{4}, 0\.\d{4} \([\d.]+%\) worse than the baseline 0\.0001; at most 10% is allowed/
assert log =~ /(?m)tiny: test accuracy is \d\.\d{4}, expected minimum is 0\.5$/
assert !log.contains('change rules skipped')
// The report that cnn:check rewrites in the model directory names the baseline relative to the project: the model
// directory holds no path of this machine.
def report = new File(basedir, 'target/cnn/tiny/report.html').text
assert report.contains('Compared with the baseline src/test/cnn/tiny.metrics.json.')
assert !report.contains(basedir.canonicalPath) && !report.contains(basedir.absolutePath)
