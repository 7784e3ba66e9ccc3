package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.iisdiag.TestPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iisdiag lint}: the shipped pack is clean; broken packs get precise file:line:col messages. */
class LintCommandTest {
    private static final String KB = TestPack.kb().toString();

    private static final String HEADER = """
            package iisdiag.rules;
            import org.iisdiag.facts.*;
            import function org.iisdiag.conclusions.Conclude.recommend;

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
                    recommend(kcontext, "collect-iis-logs", nosuchvar);
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
                "rules/a.drl:11:45: error: nosuchvar cannot be resolved to a variable",
                "rules/a.drl:17:26: error: IisStatusCount has no property 'statuz' (in 'statuz == 500')",
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
                "rules/a.drl:5:1: error: rule \"no metadata\" has no @id(\"...\") metadata",
                "rules/a.drl:5:1: error: rule \"no metadata\" has no @section(\"...\") metadata",
                "rules/a.drl:17:1: error: rule id 't.dup' is also used at rules/a.drl:11",
                "rules/a.drl:17:1: error: rule \"same id twice\" cites unknown section 'Identify 6xx errors'");
    }

    @Test
    void unknownCatalogIdsAndUnusedEntries(@TempDir Path tmp) throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), HEADER + """
                rule "recommends a typo"
                    @id("t.typo") @section("503 errors")
                when
                    IisStatusCount( status == 503 )
                then
                    recommend(kcontext, "check-app-pool-stat");
                end
                """);
        CliRun run = CliRun.of("lint", "--rules", rules.toString(), "--kb", KB);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.RULES_INVALID);
        assertThat(run.out()).contains("rules/a.drl:10:5: error: unknown action id 'check-app-pool-stat'");

        Files.writeString(rules.resolve("a.drl"), HEADER + """
                rule "recommends one thing"
                    @id("t.one") @section("503 errors")
                when
                    IisStatusCount( status == 503 )
                then
                    recommend(kcontext, "check-app-pool-state");
                end
                """);
        CliRun warnings = CliRun.of("lint", "--rules", rules.toString(), "--kb", KB);
        assertThat(warnings.exitCode()).as("warnings alone do not fail lint").isZero();
        assertThat(warnings.out()).containsPattern("knowledge-base/actions.yaml:\\d+:3: warning: action 'collect-iis-logs' is never recommended")
                .containsPattern("knowledge-base/findings.yaml:\\d+:3: warning: finding 'iis-status-observed' is never concluded");
    }

    @Test
    void catalogErrorsAreExitCode5(@TempDir Path tmp) throws Exception {
        Path kb = Files.createDirectories(tmp.resolve("knowledge-base"));
        for (String f : org.iisdiag.knowledge.KnowledgeBaseLoader.FILES) {
            Files.copy(TestPack.kb().resolve(f), kb.resolve(f));
        }
        Files.writeString(kb.resolve("findings.yaml"),
                Files.readString(kb.resolve("findings.yaml")).replace("severity: critical", "severity: dire"));
        CliRun run = CliRun.of("lint", "--rules", TestPack.rules().toString(), "--kb", kb.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.KNOWLEDGE_BASE_INVALID);
        assertThat(run.out()).containsPattern("knowledge-base/findings.yaml:\\d+:\\d+: error: finding '[a-z0-9-]+': field 'severity' has unknown value 'dire'");
    }
}
