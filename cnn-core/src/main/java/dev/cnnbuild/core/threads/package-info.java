/**
 * Fits PyTorch's thread count to the machine while a model trains: fewer threads when other processes keep the
 * processors busy, all of them again when the processors are free. Threads that spin while they wait train fastest
 * on a machine of their own and collapse beside another busy process; one thread fewer avoids the collapse.
 *
 * <pre>{@code
 * ThreadSettings threads = ThreadSettings.decide(2, true);   // in Maven's JVM, once
 * AdaptiveThreads adaptive = AdaptiveThreads.forPyTorch("mnist-cnn", threads.count(), change -> log(change.describe()));
 * // after every batch:
 * adaptive.afterBatch();
 * }</pre>
 */
package dev.cnnbuild.core.threads;
