// Maven builds the plugin's class realm for every cnn goal, and reads the POM of each artifact in it first: the realm
// holds the core, DJL, YAML, JSON, the TwelveMonkeys image readers the core's decoder registers (7 jars: CMYK JPEG
// and WebP), logging and the report goal's two interface jars, not the site's renderers
// (docs/benchmarks.md, "The plugin's class realm").
def lines = new File(basedir, 'build.log').readLines()
def start = lines.findIndexOf { it.contains('Populating class realm plugin>dev.cnnbuild:cnn-maven-plugin') }
assert start >= 0 : 'the plugin realm was not logged'
def included = lines.drop(start + 1).takeWhile { it.contains('Included: ') }
        .collect { it.substring(it.indexOf('Included: ') + 10).trim() }
assert included.any { it.startsWith('dev.cnnbuild:cnn-core:jar:') }
assert included.any { it.startsWith('org.apache.maven.reporting:maven-reporting-api:jar:') }
def siteStack = included.findAll { it =~ /maven-reporting-impl|doxia-(core|site|module|integration)|velocity|plexus-archiver|commons-compress/ }
assert siteStack.isEmpty() : "the plugin realm holds what no goal uses in Maven's JVM: ${siteStack}"
assert included.size() <= 23 : "the plugin realm grew to ${included.size()} artifacts: ${included}"
assert lines.any { it.contains('Skipping cnn execution because property cnn.skip is set.') }
