// Natives that are not in the local repository, with Maven offline: a clear error naming the coordinates and -o.
def log = new File(basedir, 'build.log').text
assert log.contains('the PyTorch natives it.natives:absent-natives:1.0:linux-x86_64 are not in the local repository,'
        + ' and Maven runs offline (-o); run the build once without -o to download them')
assert !log.contains('tiny: training:') : 'no JVM may be forked'
