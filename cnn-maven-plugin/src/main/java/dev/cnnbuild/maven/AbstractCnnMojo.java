package dev.cnnbuild.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The base of every {@code cnn} goal: one {@code skip} switch and a final {@link #execute()}, as JaCoCo's mojos
 * have.
 *
 * <pre>{@code
 * @Mojo(name = "example")
 * public class ExampleMojo extends AbstractCnnMojo {
 *     protected void executeMojo() {
 *         getLog().info("runs unless -Dcnn.skip=true");
 *     }
 * }
 * }</pre>
 */
public abstract class AbstractCnnMojo extends AbstractMojo {

    /** Skips every {@code cnn} goal. */
    @Parameter(property = "cnn.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping cnn execution because property cnn.skip is set.");
            whenSkipped();
            return;
        }
        executeMojo();
    }

    /**
     * Whether {@code cnn.skip} is set; for the report goal, which {@code mvn site} asks outside {@link #execute()}.
     *
     * @return true if every {@code cnn} goal is skipped
     */
    protected final boolean isSkipped() {
        return skip;
    }

    /** Leaves what a skipped goal owes the rest of the build, such as telling the tests; nothing unless overridden. */
    protected void whenSkipped() {}

    /**
     * Does the goal's work.
     *
     * @throws MojoExecutionException if the build is broken: bad input, a crashed fork
     * @throws MojoFailureException if a quality rule is not met
     */
    protected abstract void executeMojo() throws MojoExecutionException, MojoFailureException;
}
