package dev.cnnbuild.core.spec;

/**
 * How the learning rate changes during training: exactly one key under {@code training.schedule}, stepped after
 * every batch. Without a schedule the optimizer's {@code learningRate} stays constant. Step {@code k} counts the
 * optimizer steps from 0; each schedule gives the factor by which the optimizer's {@code learningRate} is multiplied
 * for step {@code k}, as a PyTorch {@code LambdaLR} stepped once per batch would (see docs/model-file.md).
 *
 * <pre>{@code
 * schedule: cosine                                         # CosineSchedule, no warm-up, down to 0
 * schedule: {cosine: {warmupEpochs: 1, minLearningRate: 1e-5}}
 * schedule: {step: {every: 10, factor: 0.1}}               # StepSchedule
 * schedule: {multiStep: {milestones: [30, 40]}}            # MultiStepSchedule
 * schedule: oneCycle                                       # OneCycleSchedule
 * }</pre>
 */
public sealed interface ScheduleSpec permits CosineSchedule, StepSchedule, MultiStepSchedule, OneCycleSchedule {

    /**
     * The schedule's name as written in the model file.
     *
     * @return {@code "cosine"}, {@code "step"}, {@code "multiStep"} or {@code "oneCycle"}
     */
    String type();

    /**
     * The linear warm-up before the schedule proper, in epochs; fractional epochs are allowed. For {@code oneCycle}
     * it is the rising phase.
     *
     * @return the warm-up's length in epochs, 0 for none
     */
    double warmupEpochs();
}
