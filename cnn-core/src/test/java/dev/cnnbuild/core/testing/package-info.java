/** Test fixtures: small generated datasets and model files, and the package graph that the structure tests check. */
package dev.cnnbuild.core.testing;
