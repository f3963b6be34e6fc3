// A failing gate fails the build with the violated rule in JaCoCo's words, and CI sees it as a failed test.
def log = new File(basedir, 'build.log').text
assert log =~ /\[ERROR\] Rule violated: tiny: test loss is 0\.\d{4}, but expected maximum is 0\.001/
assert log =~ /Quality gate failed: tiny: test loss is 0\.\d{4}, but expected maximum is 0\.001/
assert log.contains('MojoFailureException')
def xml = new groovy.xml.XmlSlurper().parse(new File(basedir, 'target/cnn-reports/TEST-cnn.check.tiny.xml'))
assert xml.@failures.text() == '1'
