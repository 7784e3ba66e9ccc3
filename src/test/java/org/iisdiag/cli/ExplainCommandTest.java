package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code iisdiag explain ID} in-process on the shipped pack: diagnoses (their plan and what concludes them,
 * directly or through catalog entries), actions (scope, reveals, requires, conditional steps, the plans
 * that name them), rules, questions, unknown ids. Locations are looked up in the pack, so editing it does
 * not break the test, but a wrong location does.
 */
class ExplainCommandTest {
    private static CliRun explain(String id) {
        return CliRun.withPack("explain", id);
    }

    /** The lines of the section that starts with {@code heading} (up to the next blank line). */
    private static List<String> section(String out, String heading) {
        List<String> lines = out.lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(heading)) {
                start = i;
                break;
            }
        }
        assertThat(start).as("section " + heading + " in\n" + out).isNotNegative();
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).isBlank()) {
            end++;
        }
        return lines.subList(start, end);
    }

    @Test
    void aDiagnosisConcludedThroughTheCatalogNamesItsPlanRulesAndCatalogRoutes() {
        CliRun run = explain("app-pool-not-serving");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> d = section(run.out(), "diagnosis app-pool-not-serving");
        assertThat(d.get(0)).isEqualTo("diagnosis app-pool-not-serving  (defined at "
                + PackLocations.catalogEntry("diagnoses/service-unavailable-503.yaml", "app-pool-not-serving") + ")");
        assertThat(d).contains("  severity:    critical", "  section:     503 errors");
        assertThat(d).anySatisfy(l -> assertThat(l).startsWith("  title:       ").contains("{appPool}"));
        assertThat(d).anySatisfy(l -> assertThat(l).startsWith("  explanation: ").hasSizeGreaterThan(60));
        // the plan in order, with what collection would reveal (and so when it is left out)
        int plan = d.indexOf(d.stream().filter(l -> l.startsWith("  plan (")).findFirst().orElseThrow());
        assertThat(d.get(plan + 1)).isEqualTo("    collect: check-app-pool-state (reveals pool-state; left out when all of it is known)");
        assertThat(d.get(plan + 2)).startsWith("    collect: review-was-events (reveals ");
        // one rule names it literally; status codes and HTTPERR reasons do too, through these rules
        assertThat(d).contains("  concluded by:", "    rule 503.queue-full-around-offline ("
                + PackLocations.rule("503.queue-full-around-offline") + "), when HttpSysRejection",
                "  also concluded from catalog entries, by:");
        assertThat(d).anySatisfy(l -> assertThat(l).isEqualTo("    rule httperr.reason-names-cause ("
                + PackLocations.rule("httperr.reason-names-cause") + ")"));
        assertThat(d).anySatisfy(l -> assertThat(l).startsWith("    HTTPERR reasons (httperr-reasons.yaml): ")
                .contains("AppOffline", "Disabled"));
        assertThat(d).anySatisfy(l -> assertThat(l).startsWith("    status codes (status-codes.yaml): ").contains("503.0"));
        assertThat(run.out()).doesNotContain("action app-pool-not-serving", "rule app-pool-not-serving");
    }

    @Test
    void aDiagnosisConcludedByARuleNamesTheRuleAndItsFacts() {
        CliRun run = explain("rapid-fail-disabled-pool");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> d = section(run.out(), "diagnosis rapid-fail-disabled-pool");
        assertThat(d).contains("    fix: start-app-pool", "  concluded by:");
        // a verification is always planned: no "left out" note for it
        assertThat(d).contains("    verify: check-app-pool-state (reveals pool-state)");
        assertThat(d).anySatisfy(l -> assertThat(l).isEqualTo("    rule 503.rapid-fail-protection ("
                + PackLocations.rule("503.rapid-fail-protection") + "), when WasEvent + HttpErrCount"));
        assertThat(d).noneMatch(l -> l.contains("also concluded from catalog entries"));
    }

    @Test
    void anActionNamesScopeRevealsRequiresConditionalStepsAndThePlansThatNameIt() {
        CliRun run = explain("capture-freb-for-status");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> a = section(run.out(), "action capture-freb-for-status");
        assertThat(a.get(0)).isEqualTo("action capture-freb-for-status  (defined at "
                + PackLocations.catalogEntry("actions.yaml", "capture-freb-for-status") + ")");
        assertThat(a).anySatisfy(l -> assertThat(l).startsWith("  kind:        collect; cost low; risk low; ")
                .contains("changes the server (has revert steps)").endsWith("; one per site"));
        assertThat(a).anySatisfy(l -> assertThat(l).startsWith("  reveals:     ").contains("failing-module", "error-detail"));
        assertThat(a).contains("  requires:    install-tracing-role-service when tracingInstalled is not true");
        assertThat(a).anySatisfy(l -> assertThat(l).startsWith("  step only stack is aspnetcore: "));
        assertThat(a).anySatisfy(l -> assertThat(l).startsWith("  planned by:  ")
                .contains("server-error-without-detail (collect)", "arr-backend-timeout (if-not-fixed)"));

        // and from the other side: the prerequisite says who requires it, and no diagnosis plans it
        List<String> tracing = section(explain("install-tracing-role-service").out(), "action install-tracing-role-service");
        assertThat(tracing).contains("  planned by:  no diagnosis", "  required by: action capture-freb-for-status");
        assertThat(tracing).anySatisfy(l -> assertThat(l).endsWith("; one per server"));
    }

    @Test
    void anActionThatAnswersAQuestionSaysSo() {
        List<String> a = section(explain("collect-iis-logs").out(), "action collect-iis-logs");
        assertThat(a).contains("  answers question no-iis-log");
    }

    @Test
    void aRuleShowsSectionLocationMatchedFactsConclusionsAndItsSource() {
        String id = "503.rapid-fail-protection";
        CliRun run = explain(id);
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rule = section(run.out(), "rule " + id);
        assertThat(rule.get(0)).isEqualTo("rule " + id + "  (defined at " + PackLocations.rule(id) + ")");
        assertThat(rule).contains("  section:     503 errors", "  matches:     WasEvent, HttpErrCount",
                "  concludes:   diagnosis rapid-fail-disabled-pool");
        assertThat(rule).anySatisfy(l -> assertThat(l).startsWith("  name:        ").hasSizeGreaterThan(15));
        int source = rule.indexOf("  source:");
        assertThat(source).isPositive();
        List<String> src = rule.subList(source + 1, rule.size()).stream().map(String::strip).toList();
        assertThat(src.get(0)).startsWith("rule \"");
        assertThat(src).contains("@id(\"" + id + "\")", "when", "then", "end");
        assertThat(src).anySatisfy(l -> assertThat(l).startsWith("diagnose(kcontext, \"rapid-fail-disabled-pool\""));
        assertThat(src.get(src.size() - 1)).isEqualTo("end");
    }

    @Test
    void aRuleThatConcludesFromTheCatalogAndOneThatConcludesNothing() {
        List<String> fromCatalog = section(explain("httperr.reason-names-cause").out(), "rule httperr.reason-names-cause");
        assertThat(fromCatalog).contains("  matches:     HttpSysRejection", "  requires no: Explained",
                "  concludes:   diagnosis (from the catalog)");
        // a conditional id names both diagnoses
        List<String> conditional = section(explain("500.module-not-installed").out(), "rule 500.module-not-installed");
        assertThat(conditional).contains("  concludes:   diagnosis ancm-not-installed, diagnosis native-module-not-installed");
        // classification and ranking rules insert named facts, tiers and weights
        List<String> tier = section(explain("rank.tier-1-confirmed").out(), "rule rank.tier-1-confirmed");
        assertThat(tier).contains("  section:     Ranking", "  concludes:   (named facts, tiers or weights)");
    }

    @Test
    void aQuestionNamesItsDefinitionTheActionThatAnswersItAndItsRule() {
        CliRun run = explain("no-iis-log");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> question = section(run.out(), "question no-iis-log");
        assertThat(question.get(0)).isEqualTo("question no-iis-log  (defined at "
                + PackLocations.catalogEntry("questions.yaml", "no-iis-log") + ")");
        assertThat(question).anySatisfy(l -> assertThat(l).startsWith("  text:        ").endsWith("?"));
        assertThat(question).contains("  answered by: action collect-iis-logs (tier 3)");
        assertThat(question).anySatisfy(l -> assertThat(l).startsWith("    rule data.no-iis-log ("
                + PackLocations.rule("data.no-iis-log") + ")"));
    }

    @Test
    void anUnknownIdExitsTwoWithSuggestions() {
        CliRun typo = explain("check-app-pool-stat");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE).isEqualTo(2);
        assertThat(typo.out()).isEmpty();
        assertThat(typo.err()).contains("has the id 'check-app-pool-stat'")
                .contains("did you mean:").contains("check-app-pool-state");

        CliRun diagnosisTypo = explain("app-pool-not-servin");
        assertThat(diagnosisTypo.exitCode()).isEqualTo(2);
        assertThat(diagnosisTypo.err()).contains("did you mean:", "app-pool-not-serving");

        CliRun ruleTypo = explain("503.rapid-fail-protectio");
        assertThat(ruleTypo.exitCode()).isEqualTo(2);
        assertThat(ruleTypo.err()).contains("did you mean:", "503.rapid-fail-protection");

        CliRun nothingLike = explain("qqqqqqqqqqqqqqqqqqqqqqqqq");
        assertThat(nothingLike.exitCode()).isEqualTo(2);
        assertThat(nothingLike.err()).contains("'qqqqqqqqqqqqqqqqqqqqqqqqq'").doesNotContain("did you mean");
    }
}
