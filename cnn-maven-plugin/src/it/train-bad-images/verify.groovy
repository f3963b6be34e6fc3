// Through the plugin, a folder holding unreadable files trains with onBadImage: skip: the linked file and the linked
// class subfolder count as images, the two unreadable files are left out with their labels and named in one line per
// set, and cnn:check measures the rest.
def log = new File(basedir, 'build.log').text
def images = new File(basedir, 'images').canonicalPath
def listed = log =~ /colours: (\d+) training and (\d+) test images of 2 classes \(blue, red\) from \Q${images}\E \(25 %/
assert listed.find() : 'listing line missing'
assert (listed.group(1) as int) + (listed.group(2) as int) == 42 : 'links and unreadable files are all listed'
def skipped = log.findAll(/colours: (training|test) set: skipped \d unreadable images? \(onBadImage: skip\): [^\n]*/)
assert skipped.size() in [1, 2]
assert skipped.join('\n').contains('blue/broken.png') && skipped.join('\n').contains('red/empty.jpg')
assert skipped.join('\n').findAll(/\.(png|jpg)/).size() == 2
def testImages = listed.group(2) as int
def measured = log =~ /colours: measured on (\d+) test images/
assert measured.find()
assert (measured.group(1) as int) in [testImages - 2, testImages - 1, testImages]
def fingerprint = new File(basedir, 'target/cnn/colours/fingerprint.txt').text
assert fingerprint.contains('file:images/blue/linked.png=') : 'a linked file is named by its link'
assert fingerprint.contains('file:images/red/linked/3.png=') : 'a file in a linked folder is named by its link'
assert log.contains('BUILD SUCCESS')
assert !log.contains('\tat dev.cnnbuild.core')
