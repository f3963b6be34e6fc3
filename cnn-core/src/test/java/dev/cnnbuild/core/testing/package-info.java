/** Test fixtures: small generated datasets and model files. */
package dev.cnnbuild.core.testing;
