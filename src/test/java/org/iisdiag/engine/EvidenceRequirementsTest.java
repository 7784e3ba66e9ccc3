package org.iisdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.iisdiag.TestPack;
import org.iisdiag.facts.AncmEvent;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.ReportedSymptom;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.targets.TargetDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which rules a case's evidence leaves out of its rule network: only rules with a pattern that must match a
 * kind of evidence the case has none of; and a rule that inserts such evidence brings the whole pack back.
 */
class EvidenceRequirementsTest {
    private final KnowledgeBase kb = TestPack.catalogs();

    @TempDir
    Path temp;

    private static String rule(String id, String when, String then) {
        return "rule \"" + id + "\"\n    @id(\"" + id + "\")\n    @section(\"General IIS 500 errors\")\nwhen\n" + when
                + "then\n" + then + "end\n\n";
    }

    /** Compiles the rules into the cache and reads them back, as a warm {@code diagnose} does. */
    private RuleBase cachedPack(String rules) throws Exception {
        Path dir = temp.resolve("rules");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("t.drl"), RuleBaseTest.HEADER + rules, StandardCharsets.UTF_8);
        RuleBaseCache cache = new RuleBaseCache(temp.resolve("cache"), List.of());
        assertThat(RuleBase.load(dir, null, cache).fromCache()).isFalse();
        RuleBase rb = RuleBase.load(dir, null, cache);
        assertThat(rb.fromCache()).isTrue();
        return rb;
    }

    private static final String NOTHING = "    // nothing\n";

    @Test
    void onlyRulesNeedingAbsentEvidenceAreLeftOut() throws Exception {
        RuleBase rb = cachedPack(rule("t.status", "    IisStatusCount()\n", NOTHING)
                + rule("t.absence", "    not HttpErrCount()\n", NOTHING)
                + rule("t.exists", "    IisStatusCount()\n    exists AncmEvent()\n", NOTHING)
                + rule("t.either", "    IisStatusCount() or HttpErrCount()\n", NOTHING)
                + rule("t.counted", "    $n : Number() from accumulate( HttpErrCount(), count(1) )\n", NOTHING)
                + rule("t.forall", "    forall( HttpErrCount( status == 503 ) )\n", NOTHING)
                + rule("t.both", "    IisStatusCount()\n    HttpErrCount()\n", NOTHING)
                + rule("t.conclusion", "    org.iisdiag.conclusions.Diagnosis()\n", NOTHING));
        List<Object> facts = List.of(TestPack.iis("W3SVC1", 500, 0, 0, 3), TestPack.source(EvidenceKind.IIS_W3C_LOG));
        RuleBase.CaseSession s = rb.newSessionFor(facts, kb, TargetDirectory.of(facts));
        try {
            assertThat(s.rulesLeftOut()).isEqualTo(2);
            assertThat(s.missingTypes()).containsExactlyInAnyOrder(AncmEvent.class, HttpErrCount.class);
            assertThat(s.session().getKieBase().getKiePackage("test.rules").getRules())
                    .extracting(org.kie.api.definition.rule.Rule::getName)
                    .containsExactlyInAnyOrder("t.status", "t.absence", "t.either", "t.counted", "t.forall", "t.conclusion");
        } finally {
            s.session().dispose();
        }
    }

    @Test
    void theWholePackIsUsedWhenNothingIsLeftOutOrThePackWasCompiled() throws Exception {
        RuleBase rb = cachedPack(rule("t.status", "    IisStatusCount()\n", NOTHING));
        List<Object> facts = List.of(TestPack.iis("W3SVC1", 500, 0, 0, 3));
        RuleBase.CaseSession s = rb.newSessionFor(facts, kb, TargetDirectory.of(facts));
        s.session().dispose();
        assertThat(s.rulesLeftOut()).isZero();
        assertThat(s.missingTypes()).isEmpty();
        RuleBase compiled = RuleBase.build(temp.resolve("rules"), null);
        RuleBase.CaseSession c = compiled.newSessionFor(List.of(), kb, TargetDirectory.of(List.of()));
        c.session().dispose();
        assertThat(c.rulesLeftOut()).isZero();
    }

    /**
     * Evidence facts come from the readers, never from rules; if a rule ever inserted one, the rules left out for
     * its absence could fire, so the case runs again on the whole pack and they do.
     */
    @Test
    void aRuleInsertingEvidenceOfALeftOutKindBringsTheWholePackBack() throws Exception {
        RuleBase rb = cachedPack(rule("t.makes-symptom", "    $c : IisStatusCount()\n",
                "    insertLogical(new ReportedSymptom($c.status()));\n")
                + rule("t.needs-symptom", "    $s : ReportedSymptom()\n",
                "    know(kcontext, targets.server(), \"error-detail\", \"symptom \" + $s.status(), evidence());\n"));
        List<Object> facts = List.of(TestPack.iis("W3SVC1", 500, 0, 0, 3));
        Conclusions out = new Diagnoser(rb, kb).run(facts);
        assertThat(out.trail()).extracting(Conclusions.Firing::ruleId).containsExactly("t.makes-symptom", "t.needs-symptom");
        assertThat(out.known()).singleElement().satisfies(k -> assertThat(k.because()).isEqualTo("symptom 500"));
    }
}
