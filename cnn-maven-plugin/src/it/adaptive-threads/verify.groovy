// While other processes kept the processors busy, the fork gave up a thread and said so; the model was written.
def loops = new File(basedir, 'busy-loops.txt').text.trim().split(' ')*.toLong()
loops.each { pid -> ProcessHandle.of(pid).ifPresent { it.descendants().each { c -> c.destroyForcibly() }; it.destroyForcibly() } }
def log = new File(basedir, 'build.log').text
assert log.contains('Training 1 model file in a forked JVM with 2 threads, fewer while other processes keep'
        + ' the processors busy') : 'the fork was not asked to adapt its threads'
assert log =~ /busy: test accuracy \d\.\d{4} \(\d+ of 128\) after 4 epochs/
assert new File(basedir, 'target/cnn/busy/manifest.sha256').isFile()
if (Runtime.runtime.availableProcessors() < 2) {
    return true   // one busy loop beside two threads on one processor takes too little of it to give up a thread
}
def change = log =~ /busy: 1 thread from now on instead of 2: other processes keep (\d+\.\d) of the (\d+) processors busy/
assert change.find() : 'the fork kept 2 threads beside a busy loop on every processor'
assert change.group(1).toDouble() >= 0.5
assert change.group(2).toInteger() == Runtime.runtime.availableProcessors()
