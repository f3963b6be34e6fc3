// The fork gets the tuned environment and JVM options by default; environmentVariables and argLine override them.
def recorded = new File(basedir, 'target/fork-environment.txt')
assert recorded.isFile() : 'the wrapper JVM did not run'
def environment = recorded.readLines().findAll { it.contains('=') }.collectEntries {
    def i = it.indexOf('=')
    [(it.substring(0, i)): it.substring(i + 1)]
}
assert environment.OMP_NUM_THREADS == '1' : "OMP_NUM_THREADS follows <threads>, got ${environment.OMP_NUM_THREADS}"
assert environment.OMP_WAIT_POLICY == 'PASSIVE'
assert !environment.containsKey('GOMP_SPINCOUNT') : 'one thread adapts nothing, so its thread does not spin'
assert environment.MALLOC_MMAP_THRESHOLD_ == '4294967296'
assert environment.MALLOC_TRIM_THRESHOLD_ == '4294967296'
assert environment.MALLOC_TOP_PAD_ == '1048576' : 'the POM overrides a default'
def arguments = new File(basedir, 'target/fork-arguments.txt').readLines()
def tuned = arguments.indexOf('-XX:MaxNewSize=64m')
assert tuned >= 0 : "the fork's young generation is bounded by default, got ${arguments}"
assert arguments.indexOf('-XX:MaxNewSize=128m') > tuned : "argLine comes after the default, got ${arguments}"
assert arguments.indexOf('-XX:GCTimeRatio=4') >= 0 : "G1 grows the fork's heap only past a fifth of the time in collections, got ${arguments}"
def log = new File(basedir, 'build.log').text
assert log =~ /tiny: test accuracy \d\.\d{4} \(\d+ of 128\) after 1 epoch\b(?!s)/
