package org.iisdiag.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.iisdiag.TestPack;
import org.iisdiag.diagnosis.Diagnosis;
import org.iisdiag.engine.RuleInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario the project ships (knowledge-base/scenarios) through the real pipeline, and
 * checks that each rule is shown both firing and not firing somewhere.
 */
class ShippedScenariosTest {
    private static final List<ScenarioResult> RESULTS = new ArrayList<>();

    @BeforeAll
    static void runAll() throws Exception {
        Diagnosis d = TestPack.diagnosis();
        ScenarioLoader loader = new ScenarioLoader(d.knowledgeBase(), d.ruleBase().rules());
        ScenarioRunner runner = new ScenarioRunner(d);
        Path root = TestPack.kb().resolve("scenarios");
        for (Path file : ScenarioLoader.discover(List.of(root))) {
            RESULTS.add(runner.run(loader.load(file, TestPack.home().relativize(file).toString())));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioPasses() {
        assertThat(RESULTS).as("shipped scenarios").isNotEmpty();
        return RESULTS.stream().map(r -> DynamicTest.dynamicTest(r.scenario().displayName(), () -> {
            assertThat(r.error()).as("error running " + r.scenario().displayName()).isNull();
            assertThat(r.failures()).as(r.scenario().displayName() + "\nactual actions:\n  "
                    + String.join("\n  ", r.actualActions()) + "\nfired: " + r.firedRules()).isEmpty();
        }));
    }

    @Test
    void everyRuleFiresInSomeScenario() {
        Set<String> fired = new TreeSet<>();
        RESULTS.forEach(r -> fired.addAll(r.firedRules()));
        Set<String> never = new TreeSet<>();
        for (RuleInfo rule : TestPack.diagnosis().ruleBase().rules()) {
            if (!fired.contains(rule.id())) {
                never.add(rule.id() + " (" + rule.location() + ")");
            }
        }
        assertThat(never).as("rules no scenario fires").isEmpty();
    }

    @Test
    void everyRuleIsShownSilentWhereItMustBe() {
        Set<String> shownSilent = new TreeSet<>();
        for (ScenarioResult r : RESULTS) {
            var rules = r.scenario().scenario().expect().rules();
            if (rules != null && r.passed()) {
                shownSilent.addAll(rules.notFiredOrEmpty());
            }
        }
        Set<String> missing = new TreeSet<>();
        for (RuleInfo rule : TestPack.diagnosis().ruleBase().rules()) {
            if (!shownSilent.contains(rule.id())) {
                missing.add(rule.id() + " (" + rule.location() + ")");
            }
        }
        assertThat(missing).as("rules no passing scenario shows silent (expect.rules.notFired)").isEmpty();
    }
}
