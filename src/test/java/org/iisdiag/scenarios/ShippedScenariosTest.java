package org.iisdiag.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.iisdiag.TestPack;
import org.iisdiag.diagnosis.Diagnostician;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario the project ships (knowledge-base/scenarios) through the real pipeline, and
 * enforces 100% rule coverage both ways (each rule fires somewhere and is shown silent somewhere) and
 * catalog coverage (each diagnosis and action appears in some scenario's result).
 */
class ShippedScenariosTest {
    private static ScenarioSuite.Outcome outcome;
    private static Coverage coverage;

    @BeforeAll
    static void runAll() throws Exception {
        Diagnostician d = TestPack.diagnosis();
        outcome = new ScenarioSuite(d, TestPack.home()).run(List.of(TestPack.kb().resolve("scenarios")), null);
        coverage = Coverage.of(outcome.results(), d.ruleBase(), d.knowledgeBase());
    }

    @Test
    void everyShippedScenarioFileIsValid() {
        assertThat(outcome.invalid()).isEmpty();
        assertThat(outcome.results()).hasSize(outcome.discovered());
    }

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioPasses() {
        assertThat(outcome.results()).as("shipped scenarios").isNotEmpty();
        return outcome.results().stream().map(r -> DynamicTest.dynamicTest(r.scenario().displayName(),
                () -> assertThat(r.passed()).as(SuiteText.failureDetail(r)).isTrue()));
    }

    @Test
    void everyRuleFiresInSomeScenario() {
        assertThat(coverage.neverFired()).as("rules no scenario fires").isEmpty();
        assertThat(coverage.rulePercent()).isEqualTo(100.0);
    }

    @Test
    void everyRuleIsShownSilentWhereItMustBe() {
        assertThat(coverage.neverShownSilent()).as("rules no passing scenario shows silent").isEmpty();
    }

    @Test
    void everyCatalogActionCanBeRecommendedBySomeRuleAndIsRecommendedSomewhere() {
        assertThat(coverage.actionsNoRuleProduces()).isEmpty();
        assertThat(coverage.actionsNeverRecommended()).as("catalog actions no scenario recommends").isEmpty();
    }

    /**
     * A diagnosis is what the engineer reads first: each one in the catalog must be reachable from the
     * rules and shown, with its plan, by some scenario, so its wording and plan are exercised.
     */
    @Test
    void everyCatalogDiagnosisIsConcludedBySomeScenario() {
        assertThat(coverage.diagnosesNoRuleConcludes()).as("diagnoses no rule or catalog entry concludes").isEmpty();
        assertThat(coverage.diagnosesNeverConcluded()).as("diagnoses no scenario concludes").isEmpty();
    }

    @Test
    void everyScenarioWithAConfirmedDiagnosisPinsItsFixToTheTop() {
        // the project's rank pins: a scenario expecting a confirmed diagnosis also expects where its fix ranks
        for (ScenarioResult r : outcome.results()) {
            Scenario.Expect e = r.scenario().scenario().expect();
            if (e.confirmed() != null && !e.confirmed().isEmpty()) {
                assertThat(e.withinTop()).as(r.scenario().displayName() + " confirms " + e.confirmed()
                        + " but pins no action with withinTop").isNotNull();
                assertThat(e.withinTop().n()).as(r.scenario().displayName()).isLessThanOrEqualTo(Math.max(3, e.confirmed().size()));
            }
        }
    }
}
