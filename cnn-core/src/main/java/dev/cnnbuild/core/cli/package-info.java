/**
 * The command line that the Maven plugin forks: trains model files and writes their model directories.
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -cp ... dev.cnnbuild.core.cli.TrainCommand --output target/cnn src/main/cnn/mnist.yaml
 * }</pre>
 */
package dev.cnnbuild.core.cli;
