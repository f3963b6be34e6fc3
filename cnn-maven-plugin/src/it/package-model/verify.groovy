// The trained model travels in the module's jar (cnn/<name>/) and as an attached, installed zip.
import java.util.zip.ZipFile

def entries = { File f -> new ZipFile(f).withCloseable { z -> z.entries().collect { it.name } } }
def files = ['parameters.params', 'model.yaml', 'metrics.json', 'fingerprint.txt', 'manifest.sha256', 'report.html',
             'model.onnx']

def jar = new File(basedir, 'target/package-model-1.0.jar')
assert jar.isFile()
files.each { assert entries(jar).contains("cnn/tiny/${it}".toString()) : "jar lacks cnn/tiny/${it}" }

def zip = new File(basedir, 'target/package-model-1.0-cnn-models.zip')
assert zip.isFile()
assert entries(zip) == files.collect { "tiny/${it}".toString() }

def installed = new File(localRepositoryPath, 'dev/cnnbuild/it/package-model/1.0/package-model-1.0-cnn-models.zip')
assert installed.isFile() : "not installed: ${installed}"
assert new File(basedir, 'build.log').text.contains('Attached 1 model as package-model-1.0-cnn-models.zip')
