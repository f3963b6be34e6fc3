// Two modules of one reactor both train: each trains in its own forked JVM, so libtorch is never loaded
// twice into one JVM ("already loaded in another classloader").
['alpha', 'beta'].each { name ->
    assert new File(basedir, "${name}/target/cnn/${name}/parameters.params").isFile() : "${name} did not train"
}
def log = new File(basedir, 'build.log').text
assert !log.contains('already loaded in another classloader')
assert log.contains('alpha: test accuracy')
assert log.contains('beta: test accuracy')
// Built with -T 2, each fork gets half the processors by default (at least one thread), so the two trainings
// do not fight over the same cores.
int expected = Math.max(1, Runtime.runtime.availableProcessors().intdiv(2))
String threads = expected == 1 ? 'thread' : 'threads'
assert (log =~ /in a forked JVM with ${expected} ${threads}\b(?!s)/).size() == 2 : "expected ${expected} ${threads} per fork"
