// 16,000 images of 224x224 decode to 2.4 GB, beyond one Java array: the first build decodes them once into the cache
// and trains and checks reading from it; the second, with nothing changed, skips training and checks from the cache.
def log = new File(basedir, 'build.log').text
def cache = new File(basedir, 'target/cnn-cache/large')
def train = new File(cache, 'train.images')
assert train.length() == 64L + 14400L * 3 * 224 * 224 + 4
assert new File(cache, "test.images").length() == 64L + 1600L * 3 * 224 * 224 + 4
assert log.contains("large: training images decoded into the cache ${train.canonicalPath} (2,067.2 MB), because there"
        + ' was no cache yet')
assert log =~ /epoch 1: waited [0-9.]+ s for data/
assert log =~ /large: test accuracy is [01]\.[0-9]{4}, expected minimum is 0\.9/
assert log =~ /large: up to date \(fingerprint [0-9a-f]{12} matches /
assert !log.contains('OutOfMemoryError')
