// Starts the same build in its own Maven and kills it, with its forked training JVM, as soon as epoch 1 is done:
// the kill lands during epoch 2. The build that invoker then runs must resume from the checkpoint.
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def settings = new File(basedir, 'killed-build-settings.xml')
settings.text = new File(itSettingsTemplate).text.replace('@localRepositoryUrl@',
        new File(outerLocalRepository).toURI().toString())
def command = [mvn, '-B', '-s', settings.path, '-Dmaven.repo.local=' + localRepositoryPath, 'verify']*.toString()
def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
def log = new File(basedir, 'killed-build.log')
def killed = false
log.withWriter { out ->
    def reader = process.inputStream.newReader()
    def line
    while (!killed && (line = reader.readLine()) != null) {
        out.println(line)
        if (line.contains('epoch 1 done')) {
            killed = true
            process.toHandle().descendants().each { it.destroyForcibly() }
            process.destroyForcibly()
        }
    }
}
process.waitFor()
assert killed : "the first build never finished epoch 1; see ${log}"
def output = new File(basedir, 'target/cnn')
assert !new File(output, 'slow').exists() : 'a killed build left a model directory'
assert new File(output, '.slow.checkpoint').isDirectory() : 'no checkpoint after epoch 1'
return true
