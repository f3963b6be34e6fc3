package dev.cnnbuild.core.spec;

import dev.cnnbuild.core.text.Suggestions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code training.schedule}: a name, or a mapping from one name to its settings. A schedule must fit in the
 * training: its warm-up and its changes of rate must come before the last epoch ends.
 */
final class ScheduleReader {

    private static final List<String> NAMES =
            List.of(CosineSchedule.TYPE, StepSchedule.TYPE, MultiStepSchedule.TYPE, OneCycleSchedule.TYPE);

    private ScheduleReader() {}

    /**
     * Reads the schedule; settings left out take their defaults. Each wrong setting is recorded in the model file's
     * {@link SpecErrors} and the next one is read.
     *
     * @param value the value of {@code schedule}
     * @param epochs the training's epochs, which the schedule must fit in
     * @param optimizer the optimizer, whose {@code learningRate} {@code minLearningRate} must stay below and whose
     *     momentum {@code oneCycle} cycles; {@code null} when the optimizer is wrong
     * @return the schedule, or {@code null} when a setting is wrong
     * @throws SpecException if the schedule is not written as a name with settings, or is unknown
     */
    static ScheduleSpec read(YamlValue value, int epochs, OptimizerSpec optimizer) throws SpecException {
        double learningRate = optimizer == null ? Double.NaN : optimizer.learningRate();
        NamedEntry entry =
                NamedEntry.of(value, value.node(), value.field(), "'cosine' or '{step: {every: 10, factor: 0.1}}'");
        String owner = value.nestedOwner() + "." + entry.name();
        switch (entry.name()) {
            case CosineSchedule.TYPE:
                return cosine(entry.parameters(owner, "{warmupEpochs: 1}"), epochs, learningRate);
            case StepSchedule.TYPE:
                return step(entry.parameters(owner, "{every: 10, factor: 0.1}"), epochs);
            case MultiStepSchedule.TYPE:
                return multiStep(entry.parameters(owner, "{milestones: [30, 40], factor: 0.1}"), epochs);
            case OneCycleSchedule.TYPE:
                return oneCycle(entry.parameters(owner, "{warmupEpochs: 1}"), epochs, optimizer);
            default:
                throw SpecException.at(
                        entry.nameLocation(),
                        "unknown schedule '" + entry.name() + "'"
                                + Suggestions.unknownWordHint(entry.name(), NAMES, "schedules"));
        }
    }

    private static CosineSchedule cosine(YamlMapping settings, int epochs, double learningRate) {
        settings.allowOnly(ModelFileDefinitions.COSINE);
        SpecErrors errors = settings.errors();
        int before = errors.count();
        double warmup = warmup(settings, epochs);
        double minimum = errors.attempt(
                () -> settings.valueOr("minLearningRate", 0.0, value -> {
                    double rate = value.nonNegativeNumber();
                    if (rate >= learningRate) {
                        throw SpecException.at(
                                value.location(),
                                value.field() + " is " + number(rate) + ", but the optimizer's learningRate is "
                                        + number(learningRate) + "; the cosine falls from the learningRate to"
                                        + " minLearningRate, so make it smaller");
                    }
                    return rate;
                }),
                0.0);
        return errors.count() > before ? null : new CosineSchedule(warmup, minimum);
    }

    private static StepSchedule step(YamlMapping settings, int epochs) {
        settings.allowOnly(ModelFileDefinitions.STEP);
        SpecErrors errors = settings.errors();
        int before = errors.count();
        int every = errors.attempt(
                () -> {
                    YamlValue value = settings.require("every", "every: 10");
                    int count = value.positiveInt();
                    if (count >= epochs) {
                        throw tooLate(value, "is " + count, epochs, "the rate would never change");
                    }
                    return count;
                },
                1);
        double factor = factor(settings);
        double warmup = warmup(settings, epochs);
        return errors.count() > before ? null : new StepSchedule(every, factor, warmup);
    }

    private static MultiStepSchedule multiStep(YamlMapping settings, int epochs) {
        settings.allowOnly(ModelFileDefinitions.MULTI_STEP);
        SpecErrors errors = settings.errors();
        int before = errors.count();
        List<Integer> milestones = errors.attempt(
                () -> milestones(settings.require("milestones", "milestones: [30, 40]"), epochs), List.of());
        double factor = factor(settings);
        double warmup = warmup(settings, epochs);
        return errors.count() > before ? null : new MultiStepSchedule(milestones, factor, warmup);
    }

    private static List<Integer> milestones(YamlValue value, int epochs) throws SpecException {
        List<Node> items = value.list("a list of epochs such as [30, 40]");
        if (items.isEmpty()) {
            throw SpecException.at(
                    value.location(),
                    value.field() + " is empty; list the epochs after which the rate changes, such as [30, 40]");
        }
        SpecErrors errors = value.errors();
        int before = errors.count();
        List<Integer> milestones = new ArrayList<>();
        for (Node node : items) {
            YamlValue item =
                    value.sibling(node, "milestones", value.nestedOwner().replace(".milestones", ""));
            Integer epoch = errors.attempt(
                    () -> {
                        int milestone = item.positiveInt();
                        if (milestone >= epochs) {
                            throw tooLate(item, "lists " + milestone, epochs, "that change would never happen");
                        }
                        if (!milestones.isEmpty() && milestone <= milestones.get(milestones.size() - 1)) {
                            throw SpecException.at(
                                    item.location(),
                                    item.field() + " lists " + milestone + " after "
                                            + milestones.get(milestones.size() - 1)
                                            + "; list the epochs in ascending order, each once");
                        }
                        return milestone;
                    },
                    null);
            if (epoch != null) {
                milestones.add(epoch);
            }
        }
        return errors.count() > before ? null : milestones;
    }

    private static OneCycleSchedule oneCycle(YamlMapping settings, int epochs, OptimizerSpec optimizer) {
        settings.allowOnly(ModelFileDefinitions.ONE_CYCLE);
        SpecErrors errors = settings.errors();
        int before = errors.count();
        Double warmup = errors.attempt(
                () -> settings.valueOr("warmupEpochs", null, value -> {
                    double rise = value.positiveNumber();
                    if (rise >= epochs) {
                        throw tooLate(value, "is " + number(rise), epochs, "the rate would never fall");
                    }
                    return rise;
                }),
                null);
        boolean noMomentum = optimizer instanceof SgdOptimizer sgd && sgd.momentum() == 0;
        Boolean cycleMomentum = errors.attempt(
                () -> settings.valueOr("cycleMomentum", null, value -> {
                    boolean cycles = value.bool();
                    if (cycles && noMomentum) {
                        throw SpecException.at(
                                value.location(),
                                value.field() + " is true, but the optimizer sgd has no momentum to cycle; give it"
                                        + " one, e.g. '{sgd: {momentum: 0.9}}', or remove cycleMomentum");
                    }
                    return cycles;
                }),
                null);
        boolean cycles = cycleMomentum == null ? !noMomentum : cycleMomentum;
        Momentum base = momentum(settings, "baseMomentum", OneCycleSchedule.DEFAULT_BASE_MOMENTUM, cycles, noMomentum);
        Momentum max = momentum(settings, "maxMomentum", OneCycleSchedule.DEFAULT_MAX_MOMENTUM, cycles, noMomentum);
        if (base != null && max != null && base.value() > max.value()) {
            errors.add(
                    base.written() != null
                            ? SpecException.at(
                                    base.written().location(),
                                    base.written().field() + " is " + number(base.value()) + ", above maxMomentum "
                                            + number(max.value()) + "; the momentum falls from maxMomentum to"
                                            + " baseMomentum while the rate rises, so make it at most maxMomentum")
                            : SpecException.at(
                                    max.written().location(),
                                    max.written().field() + " is " + number(max.value())
                                            + ", below baseMomentum's default " + number(base.value())
                                            + "; the momentum falls from maxMomentum to baseMomentum while the rate"
                                            + " rises, so raise it or give a smaller baseMomentum"));
        }
        if (errors.count() > before) {
            return null;
        }
        double share = warmup == null ? OneCycleSchedule.DEFAULT_WARMUP_SHARE : warmup / epochs;
        return new OneCycleSchedule(share, warmup == null ? share * epochs : warmup, cycles, base.value(), max.value());
    }

    /** A momentum of {@code oneCycle} and, when written, where; {@code null} when it is wrong. */
    private static Momentum momentum(
            YamlMapping settings, String key, double defaultValue, boolean cycles, boolean noMomentum) {
        return settings.errors()
                .attempt(
                        () -> settings.valueOr(key, new Momentum(defaultValue, null), value -> {
                            double momentum = value.fraction();
                            if (!cycles) {
                                throw SpecException.at(
                                        value.location(),
                                        value.field() + " is given, but "
                                                + (noMomentum
                                                        ? "the optimizer sgd has no momentum, so none cycles; give"
                                                                + " it one, e.g. '{sgd: {momentum: 0.9}}', or"
                                                        : "cycleMomentum is false; write cycleMomentum: true, or")
                                                + " remove " + key);
                            }
                            return new Momentum(momentum, value);
                        }),
                        null);
    }

    /**
     * A momentum setting of {@code oneCycle}.
     *
     * @param value the momentum
     * @param written where it is written; {@code null} for the default
     */
    private record Momentum(double value, YamlValue written) {}

    private static double factor(YamlMapping settings) {
        return settings.errors().attempt(() -> settings.valueOr("factor", 0.1, YamlValue::positiveNumber), 0.1);
    }

    private static double warmup(YamlMapping settings, int epochs) {
        return settings.errors()
                .attempt(
                        () -> settings.valueOr("warmupEpochs", 0.0, value -> {
                            double warmup = value.nonNegativeNumber();
                            if (warmup >= epochs) {
                                throw tooLate(value, "is " + number(warmup), epochs, "the warm-up would never end");
                            }
                            return warmup;
                        }),
                        0.0);
    }

    /** A schedule that does not fit in the training. */
    private static SpecException tooLate(YamlValue value, String was, int epochs, String consequence) {
        return SpecException.at(
                value.location(),
                value.field() + " " + was + ", but training has " + epochs + (epochs == 1 ? " epoch" : " epochs")
                        + ", so " + consequence + "; make it less than " + epochs + " or raise 'epochs'");
    }

    /** A number as written in a model file: {@code 10}, {@code 0.5}, {@code 0.0002}. */
    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
