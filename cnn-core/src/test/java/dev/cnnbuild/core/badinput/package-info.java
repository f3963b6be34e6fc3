/**
 * The bad-input corpus ({@code src/test/resources/bad-inputs}) run through the users' entry points: the training
 * service, the training and checking command lines as the Maven plugin's forks run them. Every case expects one
 * exact message and no stack trace.
 */
package dev.cnnbuild.core.badinput;
