package dev.cnnbuild.runtime;

/**
 * One class and the probability a model gives it for an image: the softmax of the network's outputs, as
 * {@code cnn:check} computes it.
 *
 * <pre>{@code
 * ClassProbability best = classification.top(1).get(0);
 * best.label();         // "7", or a folder name such as "cat"
 * best.index();         // 7, the class's position in the model's class order
 * best.probability();   // 0.9981
 * }</pre>
 *
 * @param label the class's name: its folder or CSV label, an IDX model file's class name, or its number
 * @param index the class's position in the model's class order, from 0
 * @param probability the probability, from 0 to 1
 */
public record ClassProbability(String label, int index, double probability) {}
