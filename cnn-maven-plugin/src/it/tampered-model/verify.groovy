// The build after the edit of model.yaml retrained the model, naming the file, and its check passed.
def log = new File(basedir, 'build.log').text
def model = new File(basedir, 'target/cnn/tiny')
assert log.contains('tiny: training: ' + new File(model, 'model.yaml') + ' does not match '
        + new File(model, 'manifest.sha256') + ' (changed or damaged since it was trained)')
assert log.contains('epoch 3 done')
assert log.contains('tiny: 5 checks, 4 passed, 0 violated, 1 skipped')
assert new File(model, 'model.yaml').text.contains('filters: 4')
return true
