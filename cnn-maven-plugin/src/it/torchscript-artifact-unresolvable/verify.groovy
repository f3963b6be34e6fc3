// A module artifact that cannot be resolved fails cnn:train before any JVM is forked or any model trains, naming the
// model file and the layer's place, the coordinates, the repositories searched and the command that installs it.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/main/cnn/tuned.yaml:6:5: torchscript (layer 1): the module artifact'
        + ' dev.cnnbuild.it.backbones:absent-backbone:2.0:small cannot be resolved from the local repository ')
assert log.contains(' or the repositories local.central')
assert log.contains("); install the module (a torch.jit.save file) into the local repository with 'mvn"
        + ' install:install-file -Dfile=path/to/module.pt -DgroupId=dev.cnnbuild.it.backbones'
        + " -DartifactId=absent-backbone -Dversion=2.0 -Dpackaging=pt -Dclassifier=small', or deploy it to a"
        + ' repository the build uses')
assert !log.contains('Training 1 model file in a forked JVM') : 'no JVM may be forked'
assert !log.contains('tuned: training:')
assert !new File(basedir, 'target/cnn/tuned').exists()
