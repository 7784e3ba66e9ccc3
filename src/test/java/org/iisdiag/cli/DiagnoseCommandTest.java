package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iisdiag.TestPack;
import org.iisdiag.knowledge.KbCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagnose command end to end, in-process, on the bundled sample case and on broken input. */
class DiagnoseCommandTest {
    private static final String SAMPLE = TestPack.cases().resolve("503-rapid-fail").toString();
    private static final String RULES = TestPack.rules().toString();
    private static final String KB = TestPack.kb().toString();

    private static CliRun diagnose(String... extra) {
        return CliRun.withPack("diagnose", extra);
    }

    @Test
    void textReportOnTheSampleCaseLeadsWithTheVerdict() {
        CliRun run = diagnose(SAMPLE);
        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        // the answer first: the verdict and the top three actions on the first screen (40 lines), then
        // the timeline, what to do, then why; the case summary comes last
        List<String> screen = out.lines().limit(40).toList();
        assertThat(screen.subList(0, 6)).anyMatch(l -> l.startsWith("VERDICT: CRITICAL"));
        assertThat(screen).anyMatch(l -> l.startsWith("    1. [P1] ")).anyMatch(l -> l.startsWith("    2. "))
                .anyMatch(l -> l.startsWith("    3. "));
        // the headline counts what HTTP.sys answered itself
        assertThat(screen).anyMatch(l -> l.contains("573 server errors (5xx): 213 in the IIS log, 360 answered by HTTP.sys"));
        List<String> headings = List.of("VERDICT: ", "TIMELINE", "ACTIONS (", "DIAGNOSES (", "OPEN QUESTIONS (",
                "RECOGNISED AS NORMAL (", "CASE SUMMARY", "INPUTS (");
        int last = -1;
        for (String h : headings) {
            int at = out.indexOf("\n" + h);
            assertThat(at).as(h).isGreaterThan(last);
            last = at;
        }
        assertThat(out).contains("30,462 requests", "notes/collected-by.txt  not used", "  Do now:");
        String firstAction = out.lines().filter(l -> l.startsWith("  1. [")).findFirst().orElseThrow();
        assertThat(firstAction).startsWith("  1. [P1] ").contains("ApiAppPool");
        // the evidence cites real lines of the case with file:line
        assertThat(out).contains("HTTPERR/httperr1.log:190");
        // every action says why it sits where it does
        assertThat(out).contains("     Order: tier 1 serves the confirmed diagnosis ");
    }

    @Test
    void jsonReportFollowsTheDocumentedSchema() throws Exception {
        CliRun run = diagnose(SAMPLE, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json.fieldNames()).toIterable().containsExactly("schemaVersion", "tool", "detail", "omitted", "summary",
                "verdict", "timeline", "inputs", "diagnoses", "actions", "notRecommended", "questions", "benign");
        // JSON is for programs: everything, whatever --detail says for people
        assertThat(json.get("detail").asText()).isEqualTo("full");
        assertThat(json.get("omitted").asInt()).isZero();
        assertThat(json.get("inputs")).hasSize(4);
        assertThat(json.get("summary").get("linesRejected").asLong()).isZero();
        assertThat(json.get("verdict").fieldNames()).toIterable().containsExactly("severity", "happened", "alsoSeen", "doNow",
                "missing");
        assertThat(json.get("verdict").get("severity").asText()).isEqualTo("critical");

        JsonNode actions = json.get("actions");
        assertThat(actions.size()).isGreaterThan(5);
        // the verdict's "do now" is the head of the action list
        JsonNode first = json.get("verdict").get("doNow").get(0);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("priority").asText()).isEqualTo("P1");
        assertThat(first.get("action").asText()).isEqualTo(actions.get(0).get("id").asText());
        // the timeline has every source on one axis: the HTTP.sys 503s at 14:00 are in it
        JsonNode timeline = json.get("timeline");
        assertThat(timeline.get("bucketMinutes").asInt()).isEqualTo(1);
        JsonNode httpSys = null;
        for (JsonNode series : timeline.get("series")) {
            assertThat(series.get("counts").size()).isEqualTo(timeline.get("series").get(0).get("counts").size());
            if (series.get("id").asText().equals("httperr AppOffline")) {
                httpSys = series;
            }
        }
        // HTTPERR by reason: the outage's AppOffline has a series of its own; housekeeping shares one, last
        assertThat(httpSys).isNotNull();
        assertThat(httpSys.get("total").asLong()).isEqualTo(264);
        JsonNode all = timeline.get("series");
        assertThat(all.get(all.size() - 1).get("id").asText()).isEqualTo("httperr normal");
        assertThat(httpSys.get("peakAt").asText()).isEqualTo("2024-03-04T14:00:00Z");
        assertThat(json.get("summary").get("peakServerErrorMinutes").get(0).get("minute").asText())
                .isEqualTo("2024-03-04T14:00:00Z");
        for (int i = 0; i < actions.size(); i++) {
            JsonNode a = actions.get(i);
            String id = a.get("id").asText();
            assertThat(a.get("rank").asInt()).isEqualTo(i + 1);
            assertThat(a.get("steps").size()).as(id).isPositive();
            assertThat(a.get("rules").size()).isPositive();
            assertThat(a.get("serves").size()).as("diagnoses or questions " + id + " serves").isPositive();
            assertThat(a.get("priority").asText()).isEqualTo("P" + a.get("tier").asInt());
            // the first reason is the tier, with the rule that placed it
            JsonNode tier = a.get("rationale").get(0);
            assertThat(tier.get("kind").asText()).isEqualTo("tier");
            assertThat(tier.get("value").asInt()).isEqualTo(a.get("tier").asInt());
            if (i > 0) {
                assertThat(a.get("tier").asInt()).as("actions are in tier order").isGreaterThanOrEqualTo(
                        actions.get(i - 1).get("tier").asInt());
            }
            if (a.get("changesServerState").asBoolean()) {
                assertThat(a.get("revert").size()).as("revert steps of " + id).isPositive();
            }
        }
        assertThat(actions.get(0).get("evidence").get(0).get("samples").get(0).get("file").asText())
                .isEqualTo("HTTPERR/httperr1.log");

        JsonNode diagnoses = json.get("diagnoses");
        assertThat(diagnoses.size()).isPositive();
        for (JsonNode d : diagnoses) {
            assertThat(d.get("certainty").asText()).isIn("confirmed", "probable", "possible");
            assertThat(d.get("plan").size()).as(d.get("id").asText()).isPositive();
            for (JsonNode step : d.get("plan")) {
                // each plan step either became an action (its rank) or says why it did not
                if (step.get("rank").asInt() > 0) {
                    assertThat(actions.get(step.get("rank").asInt() - 1).get("id").asText()).isEqualTo(step.get("action").asText());
                } else {
                    assertThat(step.get("note").asText()).isNotBlank();
                }
            }
        }
    }

    @Test
    void sameInputGivesByteIdenticalOutput() {
        assertThat(diagnose(SAMPLE, "--format", "json").out()).isEqualTo(diagnose(SAMPLE, "--format", "json").out());
        assertThat(diagnose(SAMPLE).out()).isEqualTo(diagnose(SAMPLE).out());
    }

    @Test
    void writesTheReportToAFile(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("result.json");
        CliRun run = diagnose(SAMPLE, "--format", "json", "--out", out.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("wrote").contains(out.toString());
        assertThat(new ObjectMapper().readTree(Files.readString(out)).get("actions").size()).isPositive();
    }

    @Test
    void missingCaseFolderIsExitCode3() {
        CliRun run = diagnose("/no/such/case");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CASE_UNREADABLE);
        assertThat(run.err()).contains("case folder does not exist: /no/such/case");
    }

    @Test
    void unknownFormatIsAUsageError() {
        CliRun run = diagnose(SAMPLE, "--format", "pdf");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("pdf");
    }

    @Test
    void unwritableOutputIsExitCode6(@TempDir Path tmp) {
        CliRun run = diagnose(SAMPLE, "--out", tmp.resolve("no/such/dir/r.txt").toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.OUTPUT_FAILED);
        assertThat(run.err()).contains("cannot write");
    }

    @Test
    void brokenRuleIsExitCode4WithFileAndLine(@TempDir Path tmp) throws Exception {
        CliRun run = CliRun.of("diagnose", "--rules", brokenRules(tmp).toString(), "--kb", KB, SAMPLE);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(run.err()).contains("rules/broken.drl:7:").doesNotContain("null Package");
    }

    @Test
    void aBrokenRulePackIsSaidBeforeAnUnreadableCaseReadWhileItLoaded(@TempDir Path tmp) throws Exception {
        CliRun run = CliRun.of("diagnose", "--rules", brokenRules(tmp).toString(), "--kb", KB, "/no/such/case");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(run.err()).contains("rules/broken.drl:7:").doesNotContain("/no/such/case");
    }

    private static Path brokenRules(Path tmp) throws IOException {
        Path rules = tmp.resolve("rules");
        Files.createDirectories(rules);
        Files.writeString(rules.resolve("broken.drl"), """
                package iisdiag.rules;
                import org.iisdiag.facts.*;

                rule "broken"
                    @id("x.broken") @section("503 errors")
                when
                    IisStatusCount( status == )
                then
                end
                """);
        return rules;
    }

    @Test
    void invalidKnowledgeBaseIsExitCode5(@TempDir Path tmp) throws Exception {
        KbCopy copy = KbCopy.of(tmp);
        copy.replaceFirst("questions.yaml", "answeredBy: collect-iis-logs", "answeredBy: collect-the-logs");
        Path kb = copy.dir;
        CliRun run = CliRun.of("diagnose", "--rules", RULES, "--kb", kb.toString(), SAMPLE);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.KNOWLEDGE_BASE_INVALID);
        assertThat(run.err()).containsPattern("knowledge-base/questions.yaml:\\d+: question 'no-iis-log': unknown action id 'collect-the-logs'");
    }

    @Test
    void secretsInTheLogNeverReachTheReport(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("W3SVC1/u_ex250109.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, """
                #Software: Microsoft Internet Information Services 10.0
                #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Cookie) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
                2025-01-09 10:00:01 10.0.0.10 GET /login user=bob&password=hunter2 443 - 10.0.0.5 Mozilla/5.0 ASP.NET_SessionId=s3cr3tc00kie - 500 0 0 120
                2025-01-09 10:00:02 10.0.0.10 GET /api access_token=eyJhbGciOi.secret 443 - 10.0.0.5 Mozilla/5.0 - - 500 0 0 120
                """, StandardCharsets.UTF_8);
        for (String format : new String[] {"text", "json"}) {
            CliRun run = diagnose(tmp.toString(), "--format", format);
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("/login").doesNotContain("hunter2", "s3cr3tc00kie", "eyJhbGciOi.secret");
        }
    }

    @Test
    void malformedLinesAreReportedWithFileAndLineAndTheRestIsUsed(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("W3SVC1/u_ex250109.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, """
                #Software: Microsoft Internet Information Services 10.0
                #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
                2025-01-09 10:00:01 10.0.0.10 GET /a - 443 - 10.0.0.5 Mozilla/5.0 - 500 19 13 3
                this line is garbage
                2025-01-09 10:00:02 10.0.0.10 GET /a - 443 - 10.0.0.5 Mozilla/5.0 - 500 19 13 3
                """);
        CliRun run = diagnose(tmp.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("1 rejected").contains("! W3SVC1/u_ex250109.log:4:")
                .contains("500.19");
    }
}
