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
 * enforces 100% rule coverage both ways: each rule fires somewhere and is shown silent somewhere.
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
    void everyCatalogActionCanBeRecommendedBySomeRule() {
        assertThat(coverage.actionsNoRuleProduces()).isEmpty();
    }
}
