// The generated goal help documents every goal and each of its parameters.
def log = new File(basedir, 'build.log').text
def forking = ['outputDirectory', 'threads', 'argLine', 'jvm', 'environmentVariables', 'tuning', 'djlCacheDirectory',
               'verbose', 'natives', 'skip']
def goals = [
    train : ['modelDirectory', 'models', 'device', 'devices', 'force', 'addToClasspath', 'adaptiveThreads'] + forking,
    check : ['rules', 'modelNames', 'baselineDirectory', 'haltOnFailure', 'device', 'reportsDirectory'] + forking,
    bless : ['outputDirectory', 'baselineDirectory', 'skip'],
    attach: ['outputDirectory', 'classifier', 'skip'],
    report: ['modelsDirectory', 'skip'],
    help  : ['detail', 'goal'],
]
goals.each { goal, parameters ->
    def start = log.indexOf("\ncnn:${goal}\n")
    assert start >= 0 : "help lacks goal cnn:${goal}"
    def next = goals.keySet().findAll { it != goal }.collect { log.indexOf("\ncnn:${it}\n", start + 1) }
            .findAll { it > start }.min() ?: log.length()
    def section = log.substring(start, next)
    parameters.each { assert section.contains(it) : "help of cnn:${goal} lacks ${it}" }
}
assert log.contains('User property: cnn.skip')
assert log.contains('User property: cnn.natives')
