// Tests of models the build was told not to train are skipped (aborted by a JUnit assumption), and the log says
// why, naming cnn.skip: with -Dcnn.skip=true, and with cnn.skip set in the POM, which cnn:train hands to the test JVM.
def log = new File(basedir, 'build.log').text
def skippedRuns = log =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 2, Time elapsed: [\d.]+ s -- in it\.TinyModelTest/
assert skippedRuns.size() == 3 : 'cli and pom in the first build, pom in the second'
assert (log =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in it\.TinyModelTest/).size() == 1
['cli', 'pom'].each { module ->
    def model = new File(basedir, "${module}/target/cnn/tiny").toPath().toAbsolutePath().normalize()
    assert log.contains("cnn-test-api: Skipped: model tiny was not trained (${model} does not exist) because the build"
            + ' skips the cnn goals (cnn.skip=true); build without cnn.skip to train and test the models')
}
assert log.contains('Test JVM options (argLine) get -Dcnn.skip=true')
assert !log.contains('No trained model tiny')
def report = { module -> new File(basedir, "${module}/target/surefire-reports/TEST-it.TinyModelTest.xml").text }
assert report('cli') =~ /tests="2" errors="0" skipped="0" failures="0"/
assert report('pom') =~ /tests="2" errors="0" skipped="2" failures="0"/
assert report('pom').contains('org.opentest4j.TestAbortedException: Skipped: model tiny was not trained')
assert new File(basedir, 'cli/target/cnn/tiny/model.yaml').isFile()
assert !new File(basedir, 'pom/target/cnn/tiny').exists()
