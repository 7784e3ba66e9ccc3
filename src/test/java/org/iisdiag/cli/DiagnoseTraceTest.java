package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.iisdiag.TestPack;
import org.iisdiag.diagnosis.Diagnostician;
import org.iisdiag.engine.RuleInfo;
import org.junit.jupiter.api.Test;

/** {@code diagnose --trace} and {@code diagnose --why-not} in-process on the bundled sample case. */
class DiagnoseTraceTest {
    private static final String SAMPLE = TestPack.cases().resolve("503-rapid-fail").toString();
    private static final Pattern FIRING = Pattern.compile("^  (\\d+)\\. (\\S+)$");
    /** What Object.toString() leaves behind: a class name and an identity hash. */
    private static final Pattern IDENTITY_HASH = Pattern.compile("[A-Za-z0-9_$]@[0-9a-f]{4,}\\b");

    private static CliRun diagnose(String... extra) {
        return CliRun.withPack("diagnose", extra);
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    private static Set<String> ruleIds() {
        return TestPack.diagnosis().ruleBase().rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
    }

    /** The text trail: rule ids in the order printed, checking the numbering on the way. */
    private static List<String> textTrail(String out) {
        List<String> lines = out.lines().toList();
        int heading = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("FIRING TRAIL (")) {
                heading = i;
            }
        }
        assertThat(heading).as("FIRING TRAIL heading").isNotNegative();
        Matcher count = Pattern.compile("FIRING TRAIL \\((\\d+) firings\\)").matcher(lines.get(heading));
        assertThat(count.find()).isTrue();
        List<String> rules = new ArrayList<>();
        for (String l : lines.subList(heading + 1, lines.size())) {
            Matcher m = FIRING.matcher(l);
            if (m.matches()) {
                assertThat(Integer.parseInt(m.group(1))).as(l).isEqualTo(rules.size() + 1);
                rules.add(m.group(2));
            } else if (!l.isBlank()) {
                assertThat(l).as("a trail line").matches("       (matched  |inserted ).+");
            }
        }
        assertThat(rules).hasSize(Integer.parseInt(count.group(1)));
        return rules;
    }

    @Test
    void textTraceListsRulesInFiringOrderWithMatchedFactsAndInsertedConclusions() throws Exception {
        CliRun run = diagnose(SAMPLE, "--trace");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> trail = textTrail(run.out());
        assertThat(trail).hasSizeGreaterThan(10);
        assertThat(ruleIds()).containsAll(trail);
        // the same order the engine fired them in
        Diagnostician.Result result = TestPack.diagnosis().run(TestPack.cases().resolve("503-rapid-fail"), SAMPLE);
        assertThat(trail).isEqualTo(result.conclusions().firedRules());

        // the expert's loop, visibly: HTTPERR entries are classified, the classified fact is diagnosed,
        // the diagnosis is planned, the plan step is placed in a tier
        String out = run.out();
        List<String> classify = firings(out, "classify.httpsys-rejection");
        List<String> diagnose = firings(out, "httperr.reason-names-cause");
        assertThat(classify).anySatisfy(f -> assertThat(f).contains("       matched  264 x HTTPERR AppOffline (503) queue ApiAppPool")
                .contains("       matched  catalog HTTPERR reason AppOffline")
                .contains("       inserted HttpSysRejection AppOffline x264 for "));
        assertThat(diagnose).anySatisfy(f -> assertThat(f).contains("       matched  HttpSysRejection AppOffline x264")
                .containsPattern("       inserted diagnosis app-pool-not-serving \\(confirmed\\) for [^\\n]*pool ApiAppPool"));
        int classified = trailIndex(out, classify, "AppOffline");
        int diagnosed = trailIndex(out, diagnose, "AppOffline");
        assertThat(classified).isPositive().isLessThan(diagnosed);
        assertThat(firings(out, "plan.collect-what-is-unknown")).anySatisfy(f -> assertThat(f)
                .contains("matched  diagnosis app-pool-not-serving (confirmed)")
                .containsPattern("inserted plan check-app-pool-state \\(collect of app-pool-not-serving\\) for [^\\n]*ApiAppPool"));
        assertThat(firings(out, "rank.tier-1-confirmed")).anySatisfy(f -> assertThat(f)
                .contains("inserted tier 1 check-app-pool-state#collect#app-pool-not-serving@"));
    }

    /** The text blocks of every firing of {@code ruleId}, each from its header line to the next firing. */
    private static List<String> firings(String out, String ruleId) {
        List<String> firings = new ArrayList<>();
        String header = ". " + ruleId + "\n";
        for (int at = out.indexOf(header); at >= 0; at = out.indexOf(header, at + 1)) {
            String rest = out.substring(at);
            firings.add(rest.substring(0, nextFiring(rest)));
        }
        assertThat(firings).as("firings of " + ruleId).isNotEmpty();
        return firings;
    }

    /** The sequence number of the first of {@code firings} that mentions {@code text}. */
    private static int trailIndex(String out, List<String> firings, String text) {
        String block = firings.stream().filter(f -> f.contains(text)).findFirst().orElseThrow();
        int at = out.indexOf(block);
        String line = out.substring(out.lastIndexOf('\n', at) + 1, out.indexOf('\n', at));
        return Integer.parseInt(line.strip().substring(0, line.strip().indexOf('.')));
    }

    /** The end of the first firing block in {@code text} (which starts with that firing's header line). */
    private static int nextFiring(String text) {
        Matcher m = Pattern.compile("(?m)^  \\d+\\. ").matcher(text);
        return m.find(1) ? m.start() : text.length();
    }

    @Test
    void traceIsByteIdenticalAcrossRunsAndHasNoIdentityHashes() throws Exception {
        CliRun first = diagnose(SAMPLE, "--trace");
        CliRun second = diagnose(SAMPLE, "--trace");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
        String trail = first.out().substring(first.out().lastIndexOf("FIRING TRAIL ("));
        assertThat(IDENTITY_HASH.matcher(trail).find()).as("identity hash in\n" + trail).isFalse();

        CliRun json1 = diagnose(SAMPLE, "--trace", "--format", "json");
        CliRun json2 = diagnose(SAMPLE, "--trace", "--format", "json");
        assertThat(json2.out()).isEqualTo(json1.out());
        assertThat(IDENTITY_HASH.matcher(json(json1).get("trace").toString()).find()).isFalse();
    }

    @Test
    void jsonHasATraceArrayOnlyWithTrace() throws Exception {
        JsonNode plain = json(diagnose(SAMPLE, "--format", "json"));
        assertThat(plain.has("trace")).isFalse();
        assertThat(plain.has("whyNot")).isFalse();

        CliRun traced = diagnose(SAMPLE, "--format", "json", "--trace");
        JsonNode json = json(traced);
        JsonNode trace = json.get("trace");
        assertThat(trace).isNotNull();
        assertThat(trace.isArray()).isTrue();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < trace.size(); i++) {
            JsonNode f = trace.get(i);
            assertThat(f.get("sequence").asInt()).isEqualTo(i + 1);
            assertThat(f.get("matched").isArray()).isTrue();
            assertThat(f.get("inserted").isArray()).isTrue();
            order.add(f.get("ruleId").asText());
        }
        // the same trail as the text report, and everything else unchanged by --trace
        assertThat(order).isEqualTo(textTrail(diagnose(SAMPLE, "--trace").out()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json).remove("trace");
        assertThat(json).isEqualTo(plain);
        List<JsonNode> diagnosed = new ArrayList<>();
        trace.forEach(f -> {
            if (f.get("ruleId").asText().equals("httperr.reason-names-cause")) {
                diagnosed.add(f);
            }
        });
        assertThat(diagnosed).isNotEmpty().allSatisfy(f -> assertThat(f.get("matched").size()).isPositive());
        assertThat(diagnosed).anySatisfy(f -> assertThat(f.get("inserted").toString())
                .contains("diagnosis app-pool-not-serving (confirmed)").contains("ApiAppPool"));
    }

    @Test
    void whyNotAnActionThatIsNotInTheResult() throws Exception {
        CliRun run = diagnose("--why-not", "fix-invalid-configuration", SAMPLE);
        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        String section = out.substring(out.indexOf("WHY NOT fix-invalid-configuration"));
        assertThat(section).contains("fix-invalid-configuration: it is not in the result.");
        List<String> candidates = section.lines().filter(l -> l.startsWith("  rule ")).toList();
        assertThat(candidates).isNotEmpty();
        assertThat(candidates).allSatisfy(l -> assertThat(l).matches("  rule \\S+ \\(rules/\\S+\\.drl:\\d+\\): (fired|did not fire)"));
        // conditions name classified facts too, counted in what the session held
        assertThat(section).contains("      - needs ErrorStatus: this case has ");
        assertThat(section).doesNotContain("needs ErrorStatus: MISSING");
        // the catalog route (the text may wrap it): a 500.19 HRESULT diagnosis plans the action, and was not concluded
        assertThat(section.replaceAll("\\s+", " ")).contains(
                "catalog: diagnosis config-unrecognized-element plans it (fix): not concluded in this case");

        JsonNode whyNot = json(diagnose("--why-not", "fix-invalid-configuration", "--format", "json", SAMPLE)).get("whyNot");
        assertThat(whyNot.get("actionId").asText()).isEqualTo("fix-invalid-configuration");
        assertThat(whyNot.get("verdict").asText()).isEqualTo("it is not in the result");
        assertThat(whyNot.get("candidates").size()).isEqualTo(candidates.size());
        for (JsonNode c : whyNot.get("candidates")) {
            assertThat(c.get("location").asText()).isEqualTo(PackLocations.rule(c.get("rule").asText()) );
            assertThat(c.get("conditions").size()).as(c.toString()).isPositive();
        }
        List<String> routes = new ArrayList<>();
        whyNot.get("catalogRoutes").forEach(r -> routes.add(r.asText()));
        assertThat(routes).anySatisfy(r -> assertThat(r).startsWith("diagnosis config-unrecognized-element plans it (fix): ")
                .contains("not concluded in this case"));
        assertThat(routes).allSatisfy(r -> assertThat(r).doesNotContain("concluded in this case; the step was planned"));
    }

    @Test
    void whyNotAnActionThatIsInTheResultGivesItsRank() throws Exception {
        JsonNode json = json(diagnose("--why-not", "check-app-pool-state", "--format", "json", SAMPLE));
        JsonNode action = null;
        for (JsonNode a : json.get("actions")) {
            if (action == null && a.get("id").asText().equals("check-app-pool-state")) {
                action = a; // the first (best-ranked) occurrence: one per application pool
            }
        }
        assertThat(action).isNotNull();
        List<String> serves = new ArrayList<>();
        action.get("serves").forEach(x -> serves.add(x.asText()));
        String expected = "it is in the result as action " + action.get("rank").asInt() + " (" + action.get("priority").asText()
                + ", tier " + action.get("tier").asInt() + ", for " + String.join(", ", serves) + ")";
        assertThat(json.get("whyNot").get("verdict").asText()).isEqualTo(expected);
        assertThat(serves).contains("app-pool-not-serving");
        // the diagnosis that plans it was concluded here, and its step was planned
        List<String> routes = new ArrayList<>();
        json.get("whyNot").get("catalogRoutes").forEach(r -> routes.add(r.asText()));
        assertThat(routes).contains("diagnosis app-pool-not-serving plans it (collect): concluded in this case; the step was planned");
        JsonNode candidates = json.get("whyNot").get("candidates");
        boolean anyFired = false;
        for (JsonNode c : candidates) {
            anyFired |= c.get("fired").asBoolean();
        }
        assertThat(anyFired).as("a rule that can conclude a diagnosis planning it fired").isTrue();

        CliRun text = diagnose("--why-not", "check-app-pool-state", SAMPLE);
        assertThat(text.out()).contains("check-app-pool-state: " + expected + ".");
    }

    @Test
    void whyNotAnUnknownActionExitsTwo() {
        CliRun unknown = diagnose("--why-not", "no-such-action", SAMPLE);
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err()).contains("--why-not: no action has the id 'no-such-action'");
        // a diagnosis id is not an action id
        CliRun diagnosis = diagnose("--why-not", "app-pool-not-serving", SAMPLE);
        assertThat(diagnosis.exitCode()).isEqualTo(2);
        assertThat(diagnosis.err()).contains("no action has the id 'app-pool-not-serving'");
    }
}
