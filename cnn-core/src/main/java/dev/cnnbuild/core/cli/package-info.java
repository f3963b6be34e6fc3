/**
 * The command lines that the Maven plugin forks, and the protocol between the two ({@link
 * dev.cnnbuild.core.cli.ForkProtocol}, {@link dev.cnnbuild.core.cli.RuleArgument}). The commands only parse their
 * arguments into the {@code service} package's requests and print its results.
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -cp ... dev.cnnbuild.core.cli.TrainCommand --output target/cnn src/main/cnn/mnist.yaml
 * }</pre>
 */
package dev.cnnbuild.core.cli;
