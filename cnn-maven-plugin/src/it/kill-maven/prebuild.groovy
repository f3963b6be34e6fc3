// Starts the same build in its own Maven and kills Maven alone (SIGKILL, as a CI server's timeout does), not its
// forked training JVM, once epoch 1 is done: the kill lands during epoch 2. The fork must notice that Maven is gone
// and stop within 5 seconds. The build that invoker then runs must resume from the checkpoint.
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def settings = new File(basedir, 'killed-build-settings.xml')
settings.text = new File(itSettingsTemplate).text.replace('@localRepositoryUrl@',
        new File(outerLocalRepository).toURI().toString())
def command = [mvn, '-B', '-s', settings.path, '-Dmaven.repo.local=' + localRepositoryPath, 'verify']*.toString()
def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
def log = new File(basedir, 'killed-build.log')
def forks = []
log.withWriter { out ->
    def reader = process.inputStream.newReader()
    def line
    while (forks.isEmpty() && (line = reader.readLine()) != null) {
        out.println(line)
        if (line.contains('epoch 1 done')) {
            // Maven's bin/mvn execs the JVM, so the process started here is Maven itself; its children are forks
            forks = process.toHandle().children().toList()
            process.destroyForcibly()
        }
    }
}
process.waitFor()
assert !forks.isEmpty() : "the first build never finished epoch 1, or had no forked JVM; see ${log}"
def deadline = System.nanoTime() + 5_000_000_000L
while (forks.any { it.isAlive() } && System.nanoTime() < deadline) {
    Thread.sleep(100)
}
def survivors = forks.findAll { it.isAlive() }
survivors.each { it.destroyForcibly() }   // only the forks of the build this script started
assert survivors.isEmpty() : "the forked JVM ${survivors*.pid()} outlived Maven by more than 5 seconds"
def output = new File(basedir, 'target/cnn')
assert !new File(output, 'slow').exists() : 'a killed build left a model directory'
assert new File(output, '.slow.checkpoint').isDirectory() : 'no checkpoint after epoch 1'
new File(basedir, 'killed-fork.txt').text = forks*.pid().join(' ')
return true
