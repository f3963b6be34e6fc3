// A passing gate: every rule is measured on the model itself and logged, the change rule is skipped for want of
// a baseline, the outcomes land in a JUnit XML file and in the report.
def log = new File(basedir, 'build.log').text
assert log =~ /tiny: measured on 128 test images: test accuracy \d\.\d{4}/
assert log =~ /(?m)tiny: test accuracy is \d\.\d{4}, expected minimum is 0\.9$/
assert log =~ /(?m)tiny: accuracy of class 0 is \d\.\d{4}, expected minimum is 0\.9$/
assert log =~ /(?m)tiny: accuracy of class 1 is \d\.\d{4}, expected minimum is 0\.9$/
assert log.contains('tiny: no baseline at src/test/cnn/tiny.metrics.json; change rules skipped')
assert log.contains('tiny: 5 checks, 4 passed, 0 violated, 1 skipped')
def xml = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/cnn-reports/TEST-cnn.check.tiny.xml'))
assert xml.@tests.text() == '5'
assert xml.@failures.text() == '0'
assert xml.testcase.size() == 5
def summary = new File(basedir, 'target/cnn-reports/cnn-summary.md').getText('UTF-8')
assert summary.startsWith('### cnn:check: quality gate passed\n\n| model | test accuracy | test loss | macro F1 |')
assert summary =~ /(?m)^\| tiny \| \d\.\d{4} \| \d\.\d{4} \| \d\.\d{4} \| 128 \| cpu\(\) \| \S+ 4 passed, 0 violated, 1 skipped \|$/
assert summary =~ /(?m)^\| test accuracy minimum 0\.9 \| \d\.\d{4} \| \S+ passed \|$/
assert summary.contains('no baseline at src/test/cnn/tiny.metrics.json; change rules skipped')
def report = new File(basedir, 'target/cnn/tiny/report.html').text
['id="rules"', 'id="learning-curves"', 'id="confusion-matrix"', 'id="per-class"', 'id="misclassified"'].each {
    assert report.contains(it) : "report lacks ${it}"
}
assert report.contains('expected minimum is 0.9')
// cnn:report run on its own writes the models' page as plain HTML, with the checked report copied beside it
def page = new File(basedir, 'target/site/cnn/index.html').getText('UTF-8')
assert page.startsWith('<!DOCTYPE html>')
assert page =~ /<tr><td>tiny<\/td><td>\d\.\d{4}<\/td><td>\d\.\d{4}<\/td><td>[\d,]+<\/td><td>cpu\(\)<\/td><td>\d+<\/td><td><a href="tiny\/report\.html">report\.html<\/a><\/td><\/tr>/
assert new File(basedir, 'target/site/cnn/tiny/report.html').getText('UTF-8').contains('expected minimum is 0.9')
assert log.contains('[INFO] Wrote ') && log.contains('mvn site puts the same page in the project\'s site')
