// Each consumer runs the test API with its own JUnit and logging binding: all tests pass, the test API says once
// which engine and device it uses, and neither DJL's start-up lines, its GPU detection warning nor SLF4J's notice
// about a missing binding reach the output.
def log = new File(basedir, 'build.log').text
['junit-5.10', 'junit-5.14', 'junit-6', 'junit-5.14-logback'].each { consumer ->
    def report = new File(basedir, "${consumer}/target/surefire-reports/TEST-it.ConsumerJUnitTest.xml")
    assert report.isFile() : "no test report of ${consumer}"
    def suite = report.text.find(/<testsuite [^>]*>/)
    assert suite.contains('tests="3"') && suite.contains('failures="0"') && suite.contains('errors="0"') : consumer
}
assert (log =~ /Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in it\.ConsumerJUnitTest/).size() == 4
assert (log =~ /cnn-test-api: PyTorch [\d.]+ engine \(DJL [\d.]+\), evaluating on cpu\(\) \(system property cnn.device: auto\)/).size() == 4
assert !log.contains('Failed to detect GPU count')
// slf4j-simple and Logback write the level before the logger's name (Logback abridged: a.d.p.e.PtEngine), JUL after
assert !(log =~ /(DEBUG|INFO)\s+(ai\.djl|a\.d\.)|INFO: |SLF4J\(/)
