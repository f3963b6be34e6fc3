package dev.cnnbuild.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cnnbuild.core.evaluation.ClassNames;
import dev.cnnbuild.core.evaluation.Evaluation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rules that name a class, and messages that name classes, on a model whose data name them. */
class ClassNameRuleTest {
    private static final ClassNames PETS = ClassNames.of(List.of("cat", "dog", "fox"));
    private static final MetricSource CANDIDATE =
            MetricSource.of(new Evaluation(new long[][] {{17, 3, 0}, {1, 19, 0}, {0, 0, 20}}, 3.0));

    @Test
    void aRuleNamesItsClassByNameOrNumberAndTheMessageByName() throws Exception {
        GateResult result = new QualityGate(List.of(
                        Rule.builder("classAccuracy")
                                .label("cat")
                                .minimum("0.9")
                                .build(),
                        Rule.builder("classAccuracy").label("1").minimum("0.9").build()))
                .check("pets", CANDIDATE, Baseline.none(), PETS);

        assertThat(result.outcomes())
                .extracting(RuleOutcome::message)
                .containsExactly(
                        "pets: accuracy of class cat is 0.8500, but expected minimum is 0.9",
                        "pets: accuracy of class dog is 0.9500, expected minimum is 0.9");
        assertThat(result.passed()).isFalse();
    }

    @Test
    void aClassNameTheModelLacksIsAViolationNamingItsClasses() throws Exception {
        GateResult result = new QualityGate(List.of(
                        Rule.builder("classF1").label("cow").minimum("0.5").build()))
                .check("pets", CANDIDATE, Baseline.none(), PETS);

        assertThat(result.outcomes()).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(RuleOutcome.Status.VIOLATED);
            assertThat(outcome.message())
                    .isEqualTo("pets: F1 of class cow is missing (the model has no class"
                            + " 'cow'; its classes are cat, dog, fox)");
        });
    }

    @Test
    void anEveryClassRuleAndAOneClassRuleWithTheSameLimitCheckThatClassOnce() throws Exception {
        GateResult result = new QualityGate(List.of(
                        Rule.builder("classAccuracy").minimum("0.8").build(),
                        Rule.builder("classAccuracy")
                                .label("cat")
                                .minimum("0.8")
                                .build()))
                .check("pets", CANDIDATE, Baseline.none(), PETS);

        assertThat(result.outcomes())
                .extracting(RuleOutcome::name)
                .containsExactly(
                        "accuracy of class cat minimum 0.8",
                        "accuracy of class dog minimum 0.8",
                        "accuracy of class fox minimum 0.8");
    }

    @Test
    void anEveryClassRuleAndAOneClassRuleWithDifferentLimitsNameTheirRuleOnThatClass() throws Exception {
        GateResult result = new QualityGate(List.of(
                        Rule.builder("classAccuracy").minimum("0.8").build(),
                        Rule.builder("classAccuracy")
                                .label("cat")
                                .minimum("0.9")
                                .build(),
                        Rule.builder("classAccuracy").label("2").minimum("0.9").build()))
                .check("pets", CANDIDATE, Baseline.none(), PETS);

        assertThat(result.outcomes())
                .extracting(RuleOutcome::name)
                .containsExactly(
                        "accuracy of class cat minimum 0.8 (rule for every class)",
                        "accuracy of class dog minimum 0.8",
                        "accuracy of class fox minimum 0.8 (rule for every class)",
                        "accuracy of class cat minimum 0.9 (rule for class cat)",
                        "accuracy of class fox minimum 0.9 (rule for class fox)")
                .doesNotHaveDuplicates();
        assertThat(result.outcomes())
                .extracting(RuleOutcome::message)
                .contains(
                        "pets: accuracy of class cat is 0.8500, expected minimum is 0.8 (rule for every class)",
                        "pets: accuracy of class cat is 0.8500, but expected minimum is 0.9 (rule for class cat)");
    }

    @Test
    void everyClassIsNamed() throws Exception {
        GateResult result = new QualityGate(
                        List.of(Rule.builder("classAccuracy").minimum("0.9").build()))
                .check("pets", CANDIDATE, Baseline.none(), PETS);

        assertThat(result.outcomes())
                .extracting(RuleOutcome::subject)
                .containsExactly("accuracy of class cat", "accuracy of class dog", "accuracy of class fox");
    }

    @Test
    void aNumberNamesTheClassFolderOfThatNameBeforeTheIndex() throws Exception {
        ClassNames folders = ClassNames.of(List.of("0", "1", "10"));
        GateResult result = new QualityGate(List.of(
                        Rule.builder("classAccuracy").label("10").minimum("0.9").build(),
                        Rule.builder("classAccuracy").label("2").minimum("0.95").build()))
                .check("numbers", CANDIDATE, Baseline.none(), folders);

        assertThat(result.outcomes())
                .extracting(RuleOutcome::name)
                .containsExactly(
                        "accuracy of class 10 minimum 0.9 (rule for class 10)",
                        "accuracy of class 10 minimum 0.95 (rule for class 10)");
        assertThat(result.outcomes().get(0).value()).hasValue(1.0);
    }

    @Test
    void classNamesResolveNamesFirstThenNumbers() {
        assertThat(PETS.indexOf("dog")).hasValue(1);
        assertThat(PETS.indexOf("2")).hasValue(2);
        assertThat(PETS.indexOf("3")).isEmpty();
        assertThat(PETS.indexOf("cow")).isEmpty();
        assertThat(ClassNames.of(List.of("1", "0")).indexOf("0")).hasValue(1);
        assertThat(ClassNames.orNumbered(null, 3)).isEqualTo(ClassNames.numbered(3));
        assertThat(PETS.named()).isTrue();
        assertThat(ClassNames.numbered(3).named()).isFalse();
    }

    @Test
    void aRuleForAClassTheModelLacksIsFoundBeforeTrainingWithTheNearestName() throws Exception {
        Rule misspelt =
                Rule.builder("classAccuracy").label("dgo").minimum("0.9").build();
        Rule unrelated =
                Rule.builder("classRecall").label("whale").minimum("0.9").build();
        Rule beyond = Rule.builder("classF1").label("3").minimum("0.9").build();

        assertThat(misspelt.unknownClass(PETS, "model pets (pets.yaml)"))
                .hasValue("names class 'dgo', which model pets (pets.yaml) does not have; did you mean 'dog'? Valid"
                        + " classes: cat, dog, fox");
        assertThat(unrelated.unknownClass(PETS, "model pets"))
                .hasValue("names class 'whale', which model pets does not have; valid classes: cat, dog, fox");
        assertThat(beyond.unknownClass(PETS, "model pets"))
                .hasValue("names class '3', which model pets does not have; valid classes: cat, dog, fox");
    }

    @Test
    void aRuleForAClassTheModelHasOrForNoClassIsFine() throws Exception {
        for (Rule rule : List.of(
                Rule.builder("classAccuracy").label("fox").minimum("0.9").build(),
                Rule.builder("classAccuracy").label("2").minimum("0.9").build(),
                Rule.builder("classAccuracy").minimum("0.9").build(),
                Rule.builder("accuracy").minimum("0.9").build())) {
            assertThat(rule.unknownClass(PETS, "model pets")).as("%s", rule).isEmpty();
        }
        Rule ten = Rule.builder("classAccuracy").label("10").minimum("0.9").build();
        assertThat(ten.unknownClass(ClassNames.of(List.of("0", "1", "10")), "model digits"))
                .as("a folder named 10 is class 10 by name")
                .isEmpty();
    }
}
