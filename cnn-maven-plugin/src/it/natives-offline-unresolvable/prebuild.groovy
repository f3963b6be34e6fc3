// The offline build below needs the plugin and its dependencies in the local repository: resolve them first with an
// online run of the plugin's help goal, in its own Maven with the settings the integration builds use.
def mvn = new File(System.getProperty('maven.home'), 'bin/mvn').path
def settings = new File(basedir, 'online-settings.xml')
settings.text = new File(itSettingsTemplate).text.replace('@localRepositoryUrl@',
        new File(outerLocalRepository).toURI().toString())
def goal = "${cnnPlugin}:help"
def command = [mvn, '-B', '-s', settings.path, '-Dmaven.repo.local=' + localRepositoryPath, goal]*.toString()
def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
        .redirectOutput(new File(basedir, 'online-build.log')).start()
assert process.waitFor() == 0 : "the online help run failed; see ${new File(basedir, 'online-build.log')}"
return true
