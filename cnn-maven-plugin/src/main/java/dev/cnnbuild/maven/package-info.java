/**
 * The {@code cnn} goals: thin mojos that turn POM parameters into calls of the core, run in a forked JVM, and turn
 * results into log lines and build failures.
 *
 * <pre>{@code
 * mvn cnn:train                 # train every model file under src/main/cnn
 * mvn verify -Dcnn.skip=true    # skip every cnn goal
 * }</pre>
 */
package dev.cnnbuild.maven;
