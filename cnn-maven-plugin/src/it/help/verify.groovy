// The generated goal help documents every goal and each of its parameters, and reads as text: maven-plugin-plugin
// runs a <pre> block into one line (MPLUGIN-535), so the goals' XML examples are in docs/goals.md, which the help
// names, and no line of the help holds tags run together.
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
def help = log.substring(log.indexOf('\ncnn:attach\n'), log.indexOf('[INFO] BUILD SUCCESS'))
help.readLines().each { line ->
    assert !(line =~ />\s*</) : "help holds XML run into one line: ${line}"
    assert !line.contains('-->') : "help holds an XML comment: ${line}"
}
['train', 'check', 'attach'].each { goal ->
    def start = help.indexOf("\ncnn:${goal}\n")
    assert help.substring(start, help.indexOf('Available parameters', start)).contains('docs/goals.md')
}
assert help.replaceAll(/\s+/, ' ').contains('run mvn cnn:bless, then commit the file it writes')
