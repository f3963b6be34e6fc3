/** Tests of the core's structure: its packages and what each may depend on. */
package dev.cnnbuild.core.structure;
