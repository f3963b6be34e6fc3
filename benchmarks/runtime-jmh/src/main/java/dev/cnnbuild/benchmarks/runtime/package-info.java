/**
 * JMH benchmarks of {@code cnn-runtime} on the sample's MNIST network, beside what a team would write without it:
 * plain DJL with a hand-written {@code Translator}, and ONNX Runtime on the exported {@code model.onnx}; the bare
 * network's forward pass gives the runtime's own overhead. {@link dev.cnnbuild.benchmarks.runtime.FirstClassification}
 * times a fresh JVM's first classification. How to run them, and the figures: {@code docs/benchmarks.md}, "Runtime".
 *
 * <pre>{@code
 * java -cp 'target/classes:target/lib/*' org.openjdk.jmh.Main -f 1 -wi 3 -i 5
 * }</pre>
 */
package dev.cnnbuild.benchmarks.runtime;
