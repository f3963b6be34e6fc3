/** Tests of the thread count fitted to the machine's load. */
package dev.cnnbuild.core.threads;
