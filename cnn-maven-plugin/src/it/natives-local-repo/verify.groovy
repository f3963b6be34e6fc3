// The plugin resolved the natives named by <natives> from the project's file repository, and the forked JVM's class
// path holds exactly those natives, no other PyTorch natives; the model trained with them.
def log = new File(basedir, 'build.log').text
assert log =~ /\[INFO\] PyTorch natives it\.natives:stand-in-natives:1\.0:\S+ \(device cpu\): natives given as coordinates/
def entries = log.readLines().findAll { it.contains('[DEBUG] Forked JVM class path entry: ') }
        .collect { it.substring(it.indexOf('entry: ') + 7).trim() }
assert !entries.isEmpty() : 'the class path was not logged'
def natives = entries.findAll { new File(it).name.contains('natives') }
assert natives.size() == 1 : "expected exactly one natives jar on the fork's class path, got ${natives}"
assert natives[0].replace('\\', '/').contains('it/natives/stand-in-natives/1.0/stand-in-natives-1.0-')
assert new File(natives[0]).isFile()
assert log.contains('tiny: training on cpu() with PyTorch ')
assert new File(basedir, 'target/cnn/tiny/parameters.params').isFile()
