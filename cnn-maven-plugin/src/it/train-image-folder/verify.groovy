// A folder of colour PNG images trains through the plugin: the log summarises the images and the skipped file, the
// held-out test set and the normalisation are stored, cnn:check gates a class by name (a limit that an every-class
// rule and a class's rule set alike is checked once; where they differ, each line names its rule), the fingerprint
// names each image by its path in the project, and an unchanged rebuild skips.
def log = new File(basedir, 'build.log').text
def model = new File(basedir, 'target/cnn/colours')
def images = new File(basedir, 'images').canonicalPath
assert log.contains("colours: 60 training and 20 test images of 2 classes (blue, red) from ${images} (25 % of each"
        + ' class held out for testing); skipped 1 file that is not an image: red/notes.txt')
assert new File(model, 'test-split.txt').readLines().size() == 21
assert new File(model, 'normalization.json').text.contains('"mean"')
assert new File(model, 'metrics.json').text.contains('"classNames" : [ "blue", "red" ]')
assert log =~ /colours: accuracy of class red is [01]\.[0-9]{4}, expected minimum is 0\.8/
def checks = log.findAll(/colours: test accuracy is /).size()
assert checks == 2
assert log.findAll(/colours: accuracy of class red is [01]\.[0-9]{4}, expected minimum is 0\.8\n/).size() == checks
assert log.findAll(/colours: accuracy of class blue is [01]\.[0-9]{4}, expected minimum is 0\.8 \(rule for every class\)/)
        .size() == checks
assert log.findAll(/colours: accuracy of class blue is [01]\.[0-9]{4}, expected minimum is 0\.7 \(rule for class blue\)/)
        .size() == checks
def cases = new File(basedir, 'target/cnn-reports/TEST-cnn.check.colours.xml').text.findAll(/<testcase classname="[^"]*" name="([^"]*)"/)
assert cases.size() == 4 && cases.unique(false).size() == 4
assert log.contains('colours: measured on 20 test images')
// cnn:check reads the test images from the decoded cache beside its output directory, which training built
assert log.contains("colours: test images read from the decoded cache "
        + new File(basedir, 'target/cnn-cache/colours/test.images').canonicalPath)
assert log =~ /colours: up to date \(fingerprint [0-9a-f]{12} matches /
assert new File(model, 'fingerprint.txt').text.contains('file:images/red/039.png=')
