/**
 * The sample application: {@link dev.cnnbuild.sample.app.ClassifyImages} classifies the image files named on its
 * command line with the sample's trained MNIST model, taken from the class path through {@code cnn-runtime}.
 *
 * <pre>{@code
 * java -jar sample-app/target/cnn-sample-app-0.1.0-SNAPSHOT.jar seven.png two.png
 * }</pre>
 */
package dev.cnnbuild.sample.app;
