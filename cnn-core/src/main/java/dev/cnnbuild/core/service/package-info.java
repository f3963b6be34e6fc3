/**
 * The use cases, with typed inputs and results: train one model file ({@link
 * dev.cnnbuild.core.service.TrainingService}) and gate the trained models ({@link
 * dev.cnnbuild.core.service.CheckService}). The command line ({@code cli}) only parses arguments into requests and
 * prints the results; tests and other front ends call the services directly.
 *
 * <pre>{@code
 * TrainingResult trained = new TrainingService(listener).train(TrainingRequest.of(yaml, Path.of("target/cnn")));
 * List<ModelCheck> checks = new CheckService().check(CheckRequest.of(Path.of("target/cnn"), rules));
 * }</pre>
 */
package dev.cnnbuild.core.service;
