/**
 * The {@code cnn} goals: thin mojos that turn POM parameters into calls of the core, run in a forked JVM, and turn
 * results into log lines and build failures.
 *
 * <p>A mojo's javadoc is also the text of {@code mvn cnn:help -Ddetail}, which maven-plugin-plugin renders as plain
 * text with every {@code <pre>} block run into one line (MPLUGIN-535). The goals' POM examples are therefore in
 * {@code docs/goals.md} (checked against the descriptor by {@code XmlSnippetsTest}), and the mojos' javadoc names
 * them instead of showing them.
 *
 * <pre>{@code
 * mvn cnn:train                 # train every model file under src/main/cnn
 * mvn verify -Dcnn.skip=true    # skip every cnn goal
 * }</pre>
 */
package dev.cnnbuild.maven;
