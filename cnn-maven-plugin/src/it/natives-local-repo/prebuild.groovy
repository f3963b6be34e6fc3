// Publishes a stand-in natives artifact to a file repository inside the project: a copy of the real CPU natives
// under coordinates that exist nowhere else, so the build can only get it through the project's repository.
def real = new File(outerLocalRepository,
        "ai/djl/pytorch/pytorch-native-cpu/${pytorchVersion}/pytorch-native-cpu-${pytorchVersion}-${nativeClassifier}.jar")
assert real.isFile() : "the outer build has no ${real}"
def folder = new File(basedir, 'natives-repo/it/natives/stand-in-natives/1.0')
folder.mkdirs()
java.nio.file.Files.copy(real.toPath(), new File(folder, "stand-in-natives-1.0-${nativeClassifier}.jar").toPath(),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING)
new File(folder, 'stand-in-natives-1.0.pom').text = '''<project>
  <modelVersion>4.0.0</modelVersion>
  <groupId>it.natives</groupId>
  <artifactId>stand-in-natives</artifactId>
  <version>1.0</version>
</project>
'''
return true
