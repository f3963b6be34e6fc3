// A cnn:check rule for a class the model does not have fails cnn:train before any JVM is forked or any model
// trains (there is no data here to train on), naming the execution, the rule, the class and the nearest class name;
// rules for classes the model has, and an execution that gates another model, pass.
def log = new File(basedir, 'build.log').text
def file = 'src/main/cnn/digits.yaml'
assert log.contains("[ERROR] rule 2 of cnn:check execution 'check-digits' (<metric>classAccuracy</metric>"
        + "<label>zeroo</label><minimum>0.9</minimum>) names class 'zeroo', which model digits (${file}) does not have; did you mean 'zero'? Valid"
        + " classes: zero, one, two; fix the rule's <label>") : 'the misspelt class must be named with its fix'
assert log.contains("[ERROR] rule 2 of cnn:check execution 'check-all' (<metric>classRecall</metric>"
        + "<label>7</label><minimum>0.5</minimum>) names class '7', which model digits (${file}) does not have; valid classes: zero, one, two")
assert log.contains('Invalid rules of cnn:check, found before training: ')
assert !log.contains("<label>one</label>") : 'a rule for a class the model has is fine'
assert !log.contains("whale") : 'an execution that gates another model is not checked against this one'
assert !log.contains('in a forked JVM') : 'the rules are checked before any JVM is forked'
assert !new File(basedir, 'target/cnn/digits').exists()
