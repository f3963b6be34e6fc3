// Through the plugin, folders holding unreadable files train with onBadImage: skip: the linked file and the linked
// class subfolder count as images, the unreadable files are left out with their labels and named in one line per
// set, by cnn:train and again by cnn:check, which measures the rest.
def log = new File(basedir, 'build.log').text
def train = new File(basedir, 'images/train').canonicalPath
def test = new File(basedir, 'images/test').canonicalPath
assert log.contains("colours: 34 training and 11 test images of 2 classes (blue, red) from ${train} and ${test}")
assert log.contains('colours: training set: skipped 2 unreadable images (onBadImage: skip): blue/broken.png,'
        + ' red/empty.jpg\n')
assert log =~ /colours: training on \S+ with [^:]+: 32 training images, 10 test images/
assert log.findAll('colours: test set: skipped 1 unreadable image \\(onBadImage: skip\\): blue/bad.jpg\n').size() == 2
assert log.contains('colours: measured on 10 test images')
def fingerprint = new File(basedir, 'target/cnn/colours/fingerprint.txt').text
assert fingerprint.contains('file:images/train/blue/linked.png=') : 'a linked file is named by its link'
assert fingerprint.contains('file:images/train/red/linked/3.png=') : 'a file in a linked folder is named by its link'
assert log.contains('BUILD SUCCESS')
assert !log.contains('\tat dev.cnnbuild.core')
