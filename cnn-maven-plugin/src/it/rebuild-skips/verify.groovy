// Training reruns only when it must: an unchanged build skips it and says why; force and a changed seed retrain.
def log = new File(basedir, 'build.log').text
def model = new File(basedir, 'target/cnn/tiny').canonicalPath
def lines = log.readLines().findAll {
    (it.contains('tiny: training') && !it.contains('tiny: training images')) || it.contains('tiny: up to date')
}
assert lines.size() == 7 : lines.join('\n')
assert lines[0].contains("tiny: training: no model yet at ${model}")
assert lines[2] =~ /tiny: up to date \(fingerprint [0-9a-f]{12} matches .*fingerprint\.txt\); skipping training\. Use -Dcnn\.force=true to retrain\./
assert lines[3].contains('tiny: training: forced, although it is up to date')
assert lines[5].contains('tiny: training: inputs changed since') && lines[5].contains('seed changed (7 -> 8)')
assert new File(model, 'fingerprint.txt').text.contains('seed=8')
