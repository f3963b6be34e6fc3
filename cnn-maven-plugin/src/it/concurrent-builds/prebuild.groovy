// Starts a first build of this project in its own Maven and returns once its fork is training: the build that
// invoker then runs is a second, concurrent build of the same project.
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def settings = new File(basedir, 'first-build-settings.xml')
settings.text = new File(itSettingsTemplate).text.replace('@localRepositoryUrl@',
        new File(outerLocalRepository).toURI().toString())
def command = [mvn, '-B', '-s', settings.path, '-Dmaven.repo.local=' + localRepositoryPath, 'verify']*.toString()
def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
def log = new File(basedir, 'first-build.log')
def out = log.newWriter()
def reader = process.inputStream.newReader()
def training = false
def line
while (!training && (line = reader.readLine()) != null) {
    out.println(line)
    out.flush()
    training = line.contains('epoch 1 done')
}
assert training : "the first build never started training; see ${log}"
new File(basedir, 'first-build.pid').text = process.pid().toString()
new File(basedir, 'first-fork.pid').text = process.toHandle().children().findFirst().get().pid().toString()
Thread.start {
    reader.eachLine { out.println(it) }
    out.close()
}
return true
