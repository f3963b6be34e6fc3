/**
 * Tests of the documentation against the code and itself: the relative links between the pages, and the key tables
 * of the model file's page against the definitions the reader validates against.
 *
 * <pre>{@code
 * mvn -pl cnn-core test -Dtest='MarkdownLinksTest,ModelFileKeysPageTest'
 * }</pre>
 */
package dev.cnnbuild.core.docs;
