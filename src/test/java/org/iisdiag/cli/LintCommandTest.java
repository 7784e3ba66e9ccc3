package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iisdiag.TestPack;
import org.iisdiag.knowledge.KbCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iisdiag lint}: the shipped pack is clean; broken packs get precise file:line:col messages. */
class LintCommandTest {
    private static final String KB = TestPack.kb().toString();

    private static final String HEADER = """
            package iisdiag.rules;
            import org.iisdiag.facts.*;
            import org.iisdiag.conclusions.*;
            import function org.iisdiag.conclusions.Conclude.diagnose;
            import function org.iisdiag.conclusions.Conclude.ask;
            import function org.iisdiag.conclusions.Conclude.evidence;

            """;

    @Test
    void theShippedPackIsClean() {
        CliRun run = CliRun.of("lint", "--rules", TestPack.rules().toString(), "--kb", KB);
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).isEqualTo("lint: 0 error(s), 0 warning(s)\n");
    }

    @Test
    void errorsPointAtTheRealLineAndColumn(@TempDir Path tmp) throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), HEADER + """
                rule "error in the consequence"
                    @id("t.then") @section("503 errors")
                when
                    $c : IisStatusCount( status == 500 )
                then
                    String s = "x";
                    ask(kcontext, "no-iis-log", nosuchvar, evidence($c));
                end

                rule "unknown property"
                    @id("t.field") @section("503 errors")
                when
                    $c : IisStatusCount( statuz == 500 )
                then
                end
                """);
        Files.writeString(rules.resolve("notes.txt"), "ideas for rules\n");
        CliRun run = CliRun.of("lint", "--rules", rules.toString(), "--kb", KB);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(run.out().lines()).contains(
                "rules/a.drl:14:33: error: nosuchvar cannot be resolved to a variable",
                "rules/a.drl:20:26: error: IisStatusCount has no property 'statuz' (in 'statuz == 500')",
                "lint: 2 error(s), 1 warning(s)");
        assertThat(run.out()).contains("rules/notes.txt:1:1: warning: not a .drl file");
    }

    @Test
    void metadataProblemsAreFoundEvenWhenThePackDoesNotCompile(@TempDir Path tmp) throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), HEADER + """
                rule "no metadata"
                when
                    IisStatusCount( status == )
                then
                end

                rule "same id once"
                    @id("t.dup") @section("503 errors")
                when
                then
                end

                rule "same id twice"
                    @id("t.dup") @section("Identify 6xx errors")
                when
                then
                end
                """);
        CliRun run = CliRun.of("lint", "--rules", rules.toString(), "--kb", KB);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(run.out()).contains(
                "rules/a.drl:8:1: error: rule \"no metadata\" has no @id(\"...\") metadata",
                "rules/a.drl:8:1: error: rule \"no metadata\" has no @section(\"...\") metadata",
                "rules/a.drl:20:1: error: rule id 't.dup' is also used at rules/a.drl:14",
                "rules/a.drl:20:1: error: rule \"same id twice\" cites unknown section 'Identify 6xx errors'");
    }

    @Test
    void unknownCatalogIdsAndUnusedEntries(@TempDir Path tmp) throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), HEADER + """
                rule "diagnoses a typo"
                    @id("t.typo") @section("503 errors")
                when
                    $c : IisStatusCount( status == 503 )
                then
                    diagnose(kcontext, "app-pool-not-servin", Certainty.PROBABLE, Target.CASE, evidence($c));
                end
                """);
        CliRun run = CliRun.of("lint", "--rules", rules.toString(), "--kb", KB);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(run.out()).contains("rules/a.drl:13:5: error: unknown diagnosis id 'app-pool-not-servin'");

        // a pack that concludes one diagnosis: what nothing can reach is a warning at its catalog entry
        Files.writeString(rules.resolve("a.drl"), HEADER + """
                rule "diagnoses one thing"
                    @id("t.one") @section("503 errors")
                when
                    $c : IisStatusCount( status == 503 )
                then
                    diagnose(kcontext, "concurrent-request-limit", Certainty.CONFIRMED, Target.CASE, evidence($c));
                end
                """);
        CliRun warnings = CliRun.of("lint", "--rules", rules.toString(), "--kb", KB);
        assertThat(warnings.exitCode()).as("warnings alone do not fail lint").isZero();
        assertThat(warnings.out())
                .contains(PackLocations.catalogEntry("actions.yaml", "raise-arr-proxy-timeout")
                        + ":3: warning: action 'raise-arr-proxy-timeout' is in no plan of a diagnosis a rule can conclude")
                .contains(PackLocations.catalogEntry("diagnoses/arr-502.yaml", "arr-backend-timeout")
                        + ":3: warning: diagnosis 'arr-backend-timeout' is never concluded by any rule or catalog entry")
                .contains(PackLocations.catalogEntry("questions.yaml", "no-iis-log")
                        + ":3: warning: question 'no-iis-log' is never asked by any rule");
        // what it concludes, and what that plan names, are used
        assertThat(warnings.out()).doesNotContain("diagnosis 'concurrent-request-limit'", "action 'raise-concurrent-request-limit'");
    }

    @Test
    void evidenceMatchedUnderExistsInARuleThatConcludesIsAnErrorAtItsLine(@TempDir Path tmp) throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), HEADER + """
                rule "hides its evidence"
                    @id("t.hides") @section("503 errors")
                when
                    $c : IisStatusCount( status == 503 )
                    exists( HttpErrCount( reason == "AppOffline" ) )
                then
                    diagnose(kcontext, "app-pool-not-serving", Certainty.PROBABLE, Target.CASE, evidence($c));
                end

                rule "only marks evidence benign"
                    @id("t.benign") @section("Benign patterns")
                when
                    $c : IisStatusCount( status == 404 )
                    exists( HttpErrCount( reason == "NotFound" ) )
                then
                    // exists is fine here: nothing is concluded, so nothing would show less than it rests on
                    System.out.print("");
                end

                rule "exists over something that is not evidence"
                    @id("t.not-evidence") @section("503 errors")
                when
                    $c : IisStatusCount( status == 503 )
                    exists( ServerEnvironment() )
                then
                    diagnose(kcontext, "app-pool-not-serving", Certainty.PROBABLE, Target.CASE, evidence($c));
                end
                """);
        CliRun run = CliRun.of("lint", "--rules", rules.toString(), "--kb", KB);
        // the pack compiles, but a rule that hides its evidence is still a rule error
        assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.RULES_INVALID);
        List<String> errors = run.out().lines().filter(l -> l.contains(": error: ")).toList();
        assertThat(errors).containsExactly("rules/a.drl:12:5: error: evidence HttpErrCount matched under exists(...) is not"
                + " recorded in the conclusion: bind it (e.g. from collect) and pass it to evidence(...)");
    }

    @Test
    void catalogErrorsAreExitCode5(@TempDir Path tmp) throws Exception {
        KbCopy kb = KbCopy.of(tmp);
        int line = kb.replaceFirst("diagnoses/service-unavailable-503.yaml", "severity: critical", "severity: dire");
        CliRun run = CliRun.of("lint", "--rules", TestPack.rules().toString(), "--kb", kb.dir.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.KNOWLEDGE_BASE_INVALID);
        assertThat(run.out()).containsPattern("knowledge-base/diagnoses/service-unavailable-503.yaml:\\d+:\\d+: error: "
                + "diagnosis '[a-z0-9-]+': field 'severity' has unknown value 'dire'");
        assertThat(line).isPositive();
    }
}
