package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code iisdiag explain ID} in-process on the shipped pack: actions, rules, findings, questions, unknown ids. */
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
    void anActionNamesItsDefinitionTheRulesThatProduceItAndTheCatalogRoutes() {
        CliRun run = explain("check-app-pool-state");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> action = section(run.out(), "action check-app-pool-state");
        assertThat(action.get(0)).isEqualTo("action check-app-pool-state  (defined at "
                + PackLocations.catalogEntry("actions.yaml", "check-app-pool-state") + ")");
        assertThat(action).anySatisfy(l -> assertThat(l).startsWith("  title:").contains("{appPool}"));
        assertThat(action).anySatisfy(l -> assertThat(l).isEqualTo("  section:     503 errors"));
        assertThat(action).anySatisfy(l -> assertThat(l).startsWith("  kind:        inspect"));

        // the rules that name it, each with file:line and the facts it matches
        int producedBy = action.indexOf("  produced by:");
        assertThat(producedBy).isPositive();
        for (String rule : List.of("503.check-app-pool-and-was-events", "503.iis-app-pool-unavailable")) {
            assertThat(action).anySatisfy(l -> assertThat(l)
                    .startsWith("    rule " + rule + " (" + PackLocations.rule(rule) + "), when "));
        }
        assertThat(action).anySatisfy(l -> assertThat(l)
                .startsWith("    rule 503.check-app-pool-and-was-events (").contains("HttpErrCount"));

        // and the catalog routes: the status codes and HTTPERR reasons whose typical fix it is
        int routes = action.indexOf("  also recommended as the catalog's typical fix by:");
        assertThat(routes).isGreaterThan(producedBy);
        List<String> routeLines = action.subList(routes, action.size());
        assertThat(routeLines).anySatisfy(l -> assertThat(l).startsWith("    rule 503.httperr-reason-fix ("
                + PackLocations.rule("503.httperr-reason-fix") + ")"));
        assertThat(routeLines).anySatisfy(l -> assertThat(l).startsWith("    when the IIS log shows ").contains("503.0")
                .endsWith("(status-codes.yaml fixActions)"));
        assertThat(routeLines).anySatisfy(l -> assertThat(l).startsWith("    when HTTPERR shows ").contains("AppOffline")
                .endsWith("(httperr-reasons.yaml fixActions)"));
    }

    @Test
    void aRuleShowsSectionLocationMatchedFactsConclusionsAndItsSource() {
        String id = "503.check-app-pool-and-was-events";
        CliRun run = explain(id);
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> rule = section(run.out(), "rule " + id);
        assertThat(rule.get(0)).isEqualTo("rule " + id + "  (defined at " + PackLocations.rule(id) + ")");
        assertThat(rule).contains("  section:     503 errors");
        assertThat(rule).anySatisfy(l -> assertThat(l).startsWith("  name:        ").hasSizeGreaterThan(15));
        assertThat(rule).anySatisfy(l -> assertThat(l).startsWith("  matches:     ").contains("HttpErrCount"));
        assertThat(rule).anySatisfy(l -> assertThat(l).startsWith("  concludes:   ")
                .contains("finding app-pool-not-serving", "action check-app-pool-state", "action review-was-events"));
        int source = rule.indexOf("  source:");
        assertThat(source).isPositive();
        List<String> src = rule.subList(source + 1, rule.size()).stream().map(String::strip).toList();
        assertThat(src.get(0)).startsWith("rule \"");
        assertThat(src).contains("@id(\"" + id + "\")", "when", "then", "end");
        assertThat(src).anySatisfy(l -> assertThat(l).startsWith("recommend(kcontext, \"check-app-pool-state\""));
        assertThat(src.get(src.size() - 1)).isEqualTo("end");
    }

    @Test
    void aFindingNamesItsDefinitionAndTheRulesThatConcludeIt() {
        CliRun run = explain("app-pool-not-serving");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> finding = section(run.out(), "finding app-pool-not-serving");
        assertThat(finding.get(0)).isEqualTo("finding app-pool-not-serving  (defined at "
                + PackLocations.catalogEntry("findings.yaml", "app-pool-not-serving") + ")");
        assertThat(finding).anySatisfy(l -> assertThat(l).startsWith("  severity:"));
        assertThat(finding).anySatisfy(l -> assertThat(l).startsWith("  explanation: ").hasSizeGreaterThan(40));
        assertThat(finding).anySatisfy(l -> assertThat(l).startsWith("    rule 503.check-app-pool-and-was-events ("
                + PackLocations.rule("503.check-app-pool-and-was-events") + ")"));
        assertThat(run.out()).doesNotContain("action app-pool-not-serving", "rule app-pool-not-serving");
    }

    @Test
    void aQuestionNamesItsDefinitionTheActionThatAnswersItAndItsRule() {
        CliRun run = explain("no-iis-log");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> question = section(run.out(), "question no-iis-log");
        assertThat(question.get(0)).isEqualTo("question no-iis-log  (defined at "
                + PackLocations.catalogEntry("questions.yaml", "no-iis-log") + ")");
        assertThat(question).anySatisfy(l -> assertThat(l).startsWith("  text:        ").endsWith("?"));
        assertThat(question).contains("  answered by: action collect-iis-logs");
        assertThat(question).anySatisfy(l -> assertThat(l).startsWith("    rule data.no-iis-log ("
                + PackLocations.rule("data.no-iis-log") + ")"));
    }

    @Test
    void anUnknownIdExitsTwoWithSuggestions() {
        CliRun typo = explain("check-app-pool-stat");
        assertThat(typo.exitCode()).isEqualTo(ExitCodes.USAGE).isEqualTo(2);
        assertThat(typo.out()).isEmpty();
        assertThat(typo.err()).contains("no action, finding, question or rule has the id 'check-app-pool-stat'")
                .contains("did you mean:").contains("check-app-pool-state");

        CliRun ruleTypo = explain("503.check-app-pool-and-was-event");
        assertThat(ruleTypo.exitCode()).isEqualTo(2);
        assertThat(ruleTypo.err()).contains("did you mean:", "503.check-app-pool-and-was-events");

        CliRun nothingLike = explain("qqqqqqqqqqqqqqqqqqqqqqqqq");
        assertThat(nothingLike.exitCode()).isEqualTo(2);
        assertThat(nothingLike.err()).contains("'qqqqqqqqqqqqqqqqqqqqqqqqq'").doesNotContain("did you mean");
    }
}
