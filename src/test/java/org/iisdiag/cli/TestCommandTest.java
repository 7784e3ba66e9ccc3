package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.xml.parsers.DocumentBuilderFactory;

import org.iisdiag.TestPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code iisdiag test} end to end: pass, fail, invalid files, no match, coverage gate, JUnit XML. */
class TestCommandTest {
    private static final String RULES = TestPack.rules().toString();
    private static final String KB = TestPack.kb().toString();

    private static final String LOG = """
            #Software: Microsoft Internet Information Services 10.0
            #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
            2025-01-09 10:00:01 10.0.0.10 GET /a - 443 - 10.0.0.5 Mozilla/5.0 - 500 19 13 3
            """;

    private static CliRun test(String... args) {
        return CliRun.withPack("test", args);
    }

    private static Path scenario(Path dir, String name, String expect) throws Exception {
        StringBuilder b = new StringBuilder("name: " + name + "\nevidence:\n  files:\n    W3SVC1/u_ex250109.log: |\n");
        LOG.lines().forEach(l -> b.append("      ").append(l).append('\n'));
        b.append(expect);
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, b.toString());
        return file;
    }

    @Test
    void theShippedScenariosPassWithFullCoverageAndJUnitXml(@TempDir Path tmp) throws Exception {
        Path xml = tmp.resolve("reports/junit.xml");
        CliRun run = test("--min-coverage", "100", "--junit", xml.toString());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^\\d+ passed, 0 failed$").contains("(100.0%)");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        var suite = doc.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(Integer.parseInt(suite.getAttribute("tests"))).isGreaterThan(10);
        assertThat(suite.getAttribute("failures")).isEqualTo("0");
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(Integer.parseInt(suite.getAttribute("tests")));
    }

    @Test
    void aFailingScenarioShowsExpectedVersusActualAndExits7(@TempDir Path tmp) throws Exception {
        scenario(tmp, "wrong-expectation", """
                expect:
                  actions: {present: [collect-httperr-logs]}
                  confirmed: [ancm-not-installed]
                  severity: critical
                  rules: {fired: [503.rapid-fail-protection]}
                """);
        Path xml = tmp.resolve("j.xml");
        CliRun run = test(tmp.toString(), "--junit", xml.toString());
        assertThat(run.exitCode()).isEqualTo(TestCommand.FAILED);
        assertThat(run.out()).startsWith("FAIL ")
                .contains("action collect-httperr-logs was expected but is absent")
                .contains("diagnosis ancm-not-installed was expected (confirmed) but is absent")
                .contains("severity: expected the verdict to be critical, got high")
                .contains("rule 503.rapid-fail-protection was expected to fire but did not")
                .contains("actual actions (ranked, with the rules behind them):")
                .contains("#1 fix-invalid-configuration P1 for config-unrecognized-element")
                .contains("0 passed, 1 failed")
                .doesNotContain("Exception");
        assertThat(Files.readString(xml)).contains("<failure message=\"action collect-httperr-logs was expected but is absent\"");
    }

    @Test
    void unknownKeysAndIdsAreErrorsWithFileAndLine(@TempDir Path tmp) throws Exception {
        scenario(tmp, "typo-key", """
                expect:
                  actoins: {present: [fix-invalid-configuration]}
                """);
        scenario(tmp, "unknown-id", """
                expect:
                  actions:
                    present: [fix-the-config]
                  confirmed: [config-unrecognised-element]
                  notRecommended: [capture-freb]
                  severity: dire
                """);
        CliRun run = test(tmp.toString());
        assertThat(run.exitCode()).isEqualTo(TestCommand.INVALID_SCENARIOS);
        assertThat(run.out()).contains("typo-key.yaml:9: unknown key 'actoins'")
                .contains("unknown-id.yaml:10: expect.actions.present: unknown action id 'fix-the-config'")
                .contains("unknown-id.yaml:11: expect.confirmed: unknown diagnosis id 'config-unrecognised-element'")
                .contains("unknown-id.yaml:12: expect.notRecommended: unknown action id 'capture-freb'")
                .contains("unknown-id.yaml:13: expect.severity must be one of none, info, low, medium, high, critical");
    }

    @Test
    void noMatchingScenarioIsNeverASilentGreen(@TempDir Path tmp) throws Exception {
        scenario(tmp, "one", "expect:\n  actions: {present: [fix-invalid-configuration]}\n");
        CliRun run = test(tmp.toString(), "-r", "does-not-match-anything");
        assertThat(run.exitCode()).isEqualTo(TestCommand.NO_SCENARIOS);
        assertThat(run.err()).contains("no scenario matched");
        CliRun empty = test(Files.createDirectories(tmp.resolve("empty")).toString());
        assertThat(empty.exitCode()).isEqualTo(TestCommand.NO_SCENARIOS);
    }

    @Test
    void regexSelectsScenarios() {
        CliRun run = test("-r", "rapid-fail-sample-case", "-v");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("1 passed, 0 failed").contains("ok   knowledge-base/scenarios/service-unavailable-503/rapid-fail-sample-case.yaml");
    }

    @Test
    void coverageBelowTheMinimumFailsAndNamesTheRulesNeverFired(@TempDir Path tmp) throws Exception {
        scenario(tmp, "only-500-19", "expect:\n  actions: {present: [fix-invalid-configuration]}\n");
        CliRun run = test(tmp.toString(), "--min-coverage", "90");
        assertThat(run.exitCode()).isEqualTo(TestCommand.COVERAGE_TOO_LOW);
        assertThat(run.out()).contains("rules no scenario fired:")
                .containsPattern("benign\\.scanner-probes \\(rules/classify/benign-patterns\\.drl:\\d+\\)")
                .contains("diagnoses no scenario concludes:")
                .containsPattern("    rapid-fail-disabled-pool \\(knowledge-base/diagnoses/service-unavailable-503\\.yaml:\\d+\\)");
        // what this one scenario concluded is covered
        assertThat(run.out()).doesNotContain("    config-unrecognized-element (");
        assertThat(run.err()).contains("below --min-coverage 90.0%");
    }
}
