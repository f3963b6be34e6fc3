/**
 * A benchmark run by hand: the cost of evaluating a model's test set through the test API, and of twenty
 * assertions on one model.
 *
 * <pre>{@code
 * java -cp "$CLASSPATH" dev.cnnbuild.test.benchmark.TestApiBenchmark target/cnn/mnist-cnn
 * }</pre>
 */
package dev.cnnbuild.test.benchmark;
