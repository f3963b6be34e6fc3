// The generated goal help documents every parameter of cnn:train.
def log = new File(basedir, 'build.log').text
assert log.contains('cnn:train')
['modelDirectory', 'models', 'outputDirectory', 'device', 'threads', 'argLine', 'jvm', 'environmentVariables',
 'tuning', 'djlCacheDirectory', 'verbose', 'skip'].each { assert log.contains(it) : "help lacks ${it}" }
assert log.contains('User property: cnn.skip')
