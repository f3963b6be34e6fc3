// cnn:train hands each module's test JVM the natives it chose for the machine and native access: a consumer that
// declares only the plugin and the test API tests its model, surefire's own <additionalClasspathElements> are kept
// and so is an <argLine> that starts with @{argLine}; a module without the goal fails its test with one line saying
// what to add instead of DJL's failed download.
def log = new File(basedir, 'build.log').text
def handed = log.readLines().findAll { it.contains('Test JVM class path (maven.test.additionalClasspath) gets ') }
assert handed.size() == 2 : handed.join('\n')
assert handed.every { it =~ /pytorch-native-(cpu|cu\d+)-[\d.]+-[a-z0-9_-]+\.jar$/ } : handed.join('\n')
assert log.readLines().findAll { it.contains('Test JVM options (argLine) get --enable-native-access=ALL-UNNAMED') }.size() == 2

def suite = { module -> new File(basedir, "${module}/target/surefire-reports/TEST-it.TinyModelTest.xml").text.find(/<testsuite [^>]*>/) }
assert suite('consumer') =~ /tests="2" errors="0" skipped="0" failures="0"/ : suite('consumer')
assert suite('own-classpath') =~ /tests="3" errors="0" skipped="0" failures="0"/ : suite('own-classpath')
assert suite('without-train') =~ /tests="1" errors="1" skipped="0" failures="0"/ : suite('without-train')

assert log.contains('Cannot resolve parameter 0 of TinyModelTest.meetsTheBar: The test JVM has no PyTorch natives'
        + ' (no ai.djl.pytorch:pytorch-native-* jar on its class path): declare cnn-maven-plugin with its goal train')
assert !log.contains('Failed to save pytorch index file')
assert !log.contains('Offline mode is enabled')
// JDK 22 and later warn when a library calls System.load without native access
assert !log.contains('restricted method')
