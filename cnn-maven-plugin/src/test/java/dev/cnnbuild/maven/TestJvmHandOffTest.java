package dev.cnnbuild.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.StringReader;
import java.util.Properties;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

class TestJvmHandOffTest {

    @Test
    void appendsToWhatIsThereAndAddsNothingTwice() {
        MavenProject project = new MavenProject(new Model());
        Properties properties = project.getProperties();
        properties.setProperty("maven.test.additionalClasspath", "/p/extra.jar");
        properties.setProperty("argLine", "-javaagent:/p/jacoco.jar=destfile=x");
        TestJvmHandOff handOff = new TestJvmHandOff(project, new SystemStreamLog());
        File natives = new File("/repo/pytorch-native-cpu-2.5.1-linux-x86_64.jar");

        handOff.addToClasspath(natives);
        handOff.addToClasspath(natives);
        handOff.addJvmOption("--enable-native-access=ALL-UNNAMED");
        handOff.addJvmOption("--enable-native-access=ALL-UNNAMED");

        assertThat(properties.getProperty("maven.test.additionalClasspath"))
                .isEqualTo("/p/extra.jar," + natives.getAbsolutePath());
        assertThat(properties.getProperty("argLine"))
                .isEqualTo("-javaagent:/p/jacoco.jar=destfile=x --enable-native-access=ALL-UNNAMED");
    }

    @Test
    void keepsSurefiresAndFailsafesConfiguredClasspathWhichTheSetPropertyWouldReplace() throws Exception {
        Model model = new Model();
        model.setBuild(new Build());
        model.getBuild().addPlugin(plugin("maven-surefire-plugin", "/p/extra", "${maven.test.additionalClasspath}"));
        model.getBuild().addPlugin(plugin("maven-failsafe-plugin", "/p/extra", "/p/it.jar"));
        MavenProject project = new MavenProject(model);

        new TestJvmHandOff(project, new SystemStreamLog()).addToClasspath(new File("/repo/natives.jar"));

        assertThat(project.getProperties().getProperty("maven.test.additionalClasspath"))
                .isEqualTo("/p/extra,/p/it.jar," + new File("/repo/natives.jar").getAbsolutePath());
    }

    private static Plugin plugin(String artifactId, String... elements) throws Exception {
        StringBuilder xml = new StringBuilder("<configuration><additionalClasspathElements>");
        for (String element : elements) {
            xml.append("<additionalClasspathElement>").append(element).append("</additionalClasspathElement>");
        }
        Plugin plugin = new Plugin();
        plugin.setArtifactId(artifactId);
        plugin.setConfiguration(
                Xpp3DomBuilder.build(new StringReader(xml + "</additionalClasspathElements></configuration>")));
        return plugin;
    }

    @Test
    void startsTheValuesWhereThereAreNone() {
        MavenProject project = new MavenProject(new Model());
        TestJvmHandOff handOff = new TestJvmHandOff(project, new SystemStreamLog());

        handOff.addJvmOption("-Dcnn.skip=true");
        handOff.addToClasspath(new File("/repo/natives.jar"));

        assertThat(project.getProperties().getProperty("argLine")).isEqualTo("-Dcnn.skip=true");
        assertThat(project.getProperties().getProperty("maven.test.additionalClasspath"))
                .isEqualTo(new File("/repo/natives.jar").getAbsolutePath());
    }
}
