/**
 * Test fixtures: small generated datasets and model files, the package graph that the structure tests check, and the
 * Markdown code blocks and tables that the documentation tests compile, validate and hold against the code.
 */
package dev.cnnbuild.core.testing;
