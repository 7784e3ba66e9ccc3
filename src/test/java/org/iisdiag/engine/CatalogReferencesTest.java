package org.iisdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Set;

import org.iisdiag.TestPack;
import org.iisdiag.engine.CatalogReferences.Kind;
import org.iisdiag.engine.CatalogReferences.Reference;
import org.iisdiag.knowledge.KnowledgeBase;
import org.junit.jupiter.api.Test;

/** The catalog ids a DRL file names through the conclusion functions, found with their line and column. */
class CatalogReferencesTest {

    @Test
    void literalIdsOfEachConclusionFunction() {
        String drl = """
                rule "x"
                when
                    $q : Question()
                then
                    diagnose(kcontext, "concurrent-request-limit", Certainty.CONFIRMED, targets.server(), evidence());
                    ask( kcontext , "no-iis-log", targets.server(), evidence());
                    know(kcontext, targets.of($c), "error-detail", "because", evidence($c));
                  planAnswer(kcontext, $q, "collect-iis-logs");
                end
                """;
        assertThat(CatalogReferences.scan(drl)).extracting(Reference::kind, Reference::id, Reference::line, Reference::column)
                .containsExactly(
                        tuple(Kind.DIAGNOSIS, "concurrent-request-limit", 5, 5),
                        tuple(Kind.QUESTION, "no-iis-log", 6, 5),
                        tuple(Kind.REVELATION, "error-detail", 7, 5),
                        tuple(Kind.ACTION, "collect-iis-logs", 8, 3));
    }

    @Test
    void computedIdsHaveNoIdAndConditionalIdsNameEachChoice() {
        String drl = """
                    diagnose(kcontext, $i.diagnosis(), $i.certainty(), $e.target(), evidence($e));
                    diagnose(kcontext, ModuleNames.isAspNetCoreModule($name) ? "ancm-not-installed" : "native-module-not-installed",
                            Certainty.CONFIRMED, targets.server(), evidence($m));
                    diagnose(kcontext, $e.kind() == AncmEventKind.MIXED_HOSTING_MODEL ? "mixed" : "shared", Certainty.CONFIRMED, $t, evidence($e));
                    planAnswer(kcontext, $q, $a);
                    know(kcontext, $e.target(), $r, "because", evidence($e));
                """;
        assertThat(CatalogReferences.scan(drl)).extracting(Reference::kind, Reference::id, Reference::line)
                .containsExactly(
                        tuple(Kind.DIAGNOSIS, null, 1),
                        tuple(Kind.DIAGNOSIS, "ancm-not-installed", 2),
                        tuple(Kind.DIAGNOSIS, "native-module-not-installed", 2),
                        tuple(Kind.DIAGNOSIS, "mixed", 4),
                        tuple(Kind.DIAGNOSIS, "shared", 4),
                        tuple(Kind.ACTION, null, 5),
                        tuple(Kind.REVELATION, null, 6));
    }

    @Test
    void theArgumentStopsAtItsOwnCommaOrParenthesis() {
        assertThat(CatalogReferences.argument("\"a\", b)", 0)).isEqualTo("\"a\"");
        assertThat(CatalogReferences.argument("f(x, y) ? \"a\" : \"b\", z", 0)).isEqualTo("f(x, y) ? \"a\" : \"b\"");
        assertThat(CatalogReferences.argument("\"with, comma\")", 0)).isEqualTo("\"with, comma\"");
        assertThat(CatalogReferences.argument("\"escaped \\\" quote, still\")", 0)).isEqualTo("\"escaped \\\" quote, still\"");
        assertThat(CatalogReferences.argument("  unterminated", 0)).isEqualTo("unterminated");
    }

    @Test
    void otherCallsAndTextAreNotReferences() {
        String drl = """
                undiagnose(kcontext, "x");
                diagnose(other, "y");
                String s = "ask(kcontext";
                """;
        assertThat(CatalogReferences.scan(drl)).isEmpty();
    }

    @Test
    void theShippedPackConcludesEveryCatalogDiagnosisAndCanReachEveryAction() {
        var d = TestPack.diagnosis();
        KnowledgeBase kb = d.knowledgeBase();
        Set<String> diagnoses = CatalogReferences.producibleDiagnoses(d.ruleBase(), kb);
        assertThat(diagnoses).contains("rapid-fail-disabled-pool", "ancm-not-installed", "native-module-not-installed",
                "default-document-list-cleared", "default-documents-disabled")
                .as("through status codes and HTTPERR reasons").contains("concurrent-request-limit", "app-pool-not-serving");
        assertThat(kb.diagnoses()).allSatisfy(def -> assertThat(diagnoses).as("concludable").contains(def.id()));
        Set<String> actions = CatalogReferences.producibleActions(d.ruleBase(), kb);
        assertThat(actions).as("a prerequisite of a planned action, and a question's answer")
                .contains("install-tracing-role-service", "collect-iis-logs", "capture-har");
        assertThat(kb.actions()).allSatisfy(a -> assertThat(actions).as("reachable").contains(a.id()));
        assertThat(actions).doesNotContain("");
    }
}
