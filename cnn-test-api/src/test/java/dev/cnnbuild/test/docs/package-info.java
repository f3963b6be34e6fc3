/**
 * Keeps the documentation's Java snippets compiling: {@link dev.cnnbuild.test.docs.JavaSnippetsTest} compiles every
 * {@code ```java} block of README.md, CONTRIBUTING.md and docs/ against the test class path, so a snippet that stops compiling fails
 * the build.
 *
 * <pre>{@code
 * mvn -B -pl cnn-test-api test -Dtest=JavaSnippetsTest
 * }</pre>
 */
package dev.cnnbuild.test.docs;
