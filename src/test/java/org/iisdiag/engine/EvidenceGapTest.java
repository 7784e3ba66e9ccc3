package org.iisdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iisdiag.TestPack;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.KnowledgeBaseLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's check that a conclusion carries every evidence fact its rule matched: a rule that drops
 * some is reported as an evidence gap (and a scenario showing it fails). Tiny packs written here make the
 * rules do exactly one thing each.
 */
class EvidenceGapTest {
    private static final String HEADER = """
            package gaptest;

            import org.iisdiag.facts.*;
            import org.iisdiag.classified.*;
            import org.iisdiag.conclusions.*;
            import org.iisdiag.knowledge.*;
            import org.iisdiag.targets.TargetDirectory;
            import function org.iisdiag.conclusions.Conclude.diagnose;
            import function org.iisdiag.conclusions.Conclude.know;
            import function org.iisdiag.conclusions.Conclude.ask;
            import function org.iisdiag.conclusions.Conclude.evidence;

            global KnowledgeBase kb;
            global TargetDirectory targets;

            """;

    private static KnowledgeBase kb;

    @TempDir
    Path temp;

    @BeforeAll
    static void loadKb() throws Exception {
        kb = KnowledgeBaseLoader.load(TestPack.kb());
    }

    private Conclusions run(String rules, Object... facts) throws IOException, RuleCompilationException {
        Path dir = temp.resolve("rules");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("gap.drl"), HEADER + rules, StandardCharsets.UTF_8);
        return new Diagnoser(RuleBase.build(dir, kb), kb).run(List.of(facts));
    }

    private static String rule(String id, String when, String then) {
        return "rule \"" + id + "\"\n    @id(\"" + id + "\") @section(\"503 errors\")\nwhen\n" + when + "then\n" + then + "end\n\n";
    }

    @Test
    void aRuleThatMatchesAFactButPassesNoEvidenceIsAGap() throws Exception {
        IisStatusCount c = TestPack.iis("W3SVC1", 503, 0, 0, 7);
        Conclusions out = run(rule("t.forgets", "    $c : IisStatusCount( status == 503 )\n",
                "    diagnose(kcontext, \"app-pool-not-serving\", Certainty.PROBABLE, targets.of($c), evidence());\n"), c);
        assertThat(out.diagnoses()).singleElement().satisfies(d -> assertThat(d.evidence()).isEmpty());
        assertThat(out.evidenceGaps()).containsExactly(
                new Conclusions.EvidenceGap("t.forgets", "diagnosis app-pool-not-serving", c.describe()));
    }

    @Test
    void passingTheMatchedFactLeavesNoGap() throws Exception {
        IisStatusCount c = TestPack.iis("W3SVC1", 503, 0, 0, 7);
        Conclusions out = run(rule("t.passes", "    $c : IisStatusCount( status == 503 )\n",
                "    diagnose(kcontext, \"app-pool-not-serving\", Certainty.PROBABLE, targets.of($c), evidence($c));\n"), c);
        assertThat(out.diagnoses()).hasSize(1);
        assertThat(out.evidenceGaps()).isEmpty();
    }

    @Test
    void everyKindOfConclusionIsCheckedAndEveryMissingFactNamed() throws Exception {
        IisStatusCount a = TestPack.iis("W3SVC1", 503, 0, 0, 7);
        IisStatusCount b = TestPack.iis("W3SVC1", 503, 2, 0, 3);
        // a collect result counts as matched: each member must be carried
        Conclusions out = run(rule("t.partial",
                "    $a : IisStatusCount( status == 503, substatus == 0 )\n"
                        + "    $all : java.util.List() from collect( IisStatusCount( status == 503 ) )\n",
                "    know(kcontext, targets.of($a), \"error-detail\", \"x\", evidence($a));\n"
                        + "    ask(kcontext, \"httperr-log-missing\", targets.of($a), evidence($all));\n"), a, b);
        assertThat(out.evidenceGaps()).containsExactly(
                new Conclusions.EvidenceGap("t.partial", "known error-detail", b.describe()));
        assertThat(out.questions()).hasSize(1);
    }

    @Test
    void aClassifiedFactStandsForTheEvidenceItWasDerivedFrom() throws Exception {
        IisStatusCount c = TestPack.iis("W3SVC1", 503, 0, 0, 7);
        String classify = rule("t.classify", "    $c : IisStatusCount( status == 503 )\n",
                "    insertLogical(new ErrorStatus($c, 503, 0, 0, $c.count(), null, targets.of($c)));\n");
        // passing the classified fact passes what it stands for
        Conclusions kept = run(classify + rule("t.from-classified", "    $e : ErrorStatus()\n",
                "    diagnose(kcontext, \"app-pool-not-serving\", Certainty.PROBABLE, $e.target(), evidence($e));\n"), c);
        assertThat(kept.evidenceGaps()).isEmpty();
        assertThat(kept.diagnoses()).singleElement().satisfies(d -> assertThat(d.evidence()).containsExactly(c));

        Conclusions dropped = run(classify + rule("t.drops-classified", "    $e : ErrorStatus()\n",
                "    diagnose(kcontext, \"app-pool-not-serving\", Certainty.PROBABLE, $e.target(), evidence());\n"), c);
        assertThat(dropped.evidenceGaps()).extracting(Conclusions.EvidenceGap::ruleId, Conclusions.EvidenceGap::missing)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("t.drops-classified", c.describe()));
    }

    @Test
    void conditionsThatBindNothingAndConsequencesThatConcludeNothingAreNotGaps() throws Exception {
        IisStatusCount c = TestPack.iis("W3SVC1", 503, 0, 0, 7);
        Conclusions out = run(
                // "not" matches no fact; a question about what is missing rests on no evidence
                rule("t.absent", "    not EvidenceSource( kind == EvidenceKind.HTTPERR_LOG )\n",
                        "    ask(kcontext, \"httperr-log-missing\", targets.server(), evidence());\n")
                        // a rule that only derives a named fact concludes nothing the report shows
                        + rule("t.derives", "    $c : IisStatusCount()\n",
                        "    insertLogical(new Explained($c, \"t.derives\", 1));\n"),
                c, TestPack.source(EvidenceKind.IIS_W3C_LOG));
        assertThat(out.firedRules()).contains("t.absent", "t.derives");
        assertThat(out.evidenceGaps()).isEmpty();
    }

    @Test
    void theShippedPackHasNoGapOnItsMainSample() throws Exception {
        var result = TestPack.diagnosis().run(TestPack.cases().resolve("503-rapid-fail"), "503-rapid-fail");
        assertThat(result.conclusions().diagnoses()).isNotEmpty();
        assertThat(result.conclusions().evidenceGaps()).isEmpty();
    }
}
