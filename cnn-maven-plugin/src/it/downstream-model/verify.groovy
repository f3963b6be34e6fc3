// A model trained and packaged by one module is tested by another through its jar, with the test API.
def log = new File(basedir, 'build.log').text
assert log.contains('tiny: test accuracy')
assert log =~ /Added .*producer.target.classes.cnn.tiny to the class path/
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in it\.PackagedModelTest/
def report = new File(basedir, 'consumer/target/surefire-reports/TEST-it.PackagedModelTest.xml')
assert report.isFile()
