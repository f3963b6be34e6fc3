/**
 * The main classes that the Maven plugin forks, and the contract between the two: one typed request per fork
 * ({@link dev.cnnbuild.core.cli.TrainForkRequest}, {@link dev.cnnbuild.core.cli.CheckForkRequest}), written by Maven's
 * JVM and read by the fork through one serializer ({@link dev.cnnbuild.core.cli.ForkRequestFile}), and the way back:
 * exit statuses and error and violation lines ({@link dev.cnnbuild.core.cli.ForkProtocol}). The commands only turn
 * their request into the {@code service} package's requests and print its results.
 *
 * <pre>{@code
 * java -Dai.djl.offline=true -cp ... dev.cnnbuild.core.cli.TrainCommand --request target/cnn-fork/train-1.properties
 * }</pre>
 */
package dev.cnnbuild.core.cli;
