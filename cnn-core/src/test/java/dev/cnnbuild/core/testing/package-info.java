/**
 * Test fixtures: small generated datasets and model files, the package graph that the structure tests check, and the
 * Markdown code blocks that the documentation tests compile and validate.
 */
package dev.cnnbuild.core.testing;
