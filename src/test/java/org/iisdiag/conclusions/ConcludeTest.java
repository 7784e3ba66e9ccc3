package org.iisdiag.conclusions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.iisdiag.TestPack;
import org.iisdiag.classified.ErrorStatus;
import org.iisdiag.classified.Explained;
import org.iisdiag.facts.IisStatusCount;
import org.junit.jupiter.api.Test;

/** The evidence a rule passes to a conclusion: flattened from what it matched, each fact once. */
class ConcludeTest {
    private final IisStatusCount a = TestPack.iis("W3SVC1", 500, 19, 13, 4);
    private final IisStatusCount b = TestPack.iis("W3SVC1", 503, 0, 0, 2);

    @Test
    void evidenceFlattensClassifiedFactsDiagnosesKnownFactsAndCollections() {
        ErrorStatus status = new ErrorStatus(a, 500, 19, 13, 4, null, Target.CASE);
        Diagnosis d = new Diagnosis("configuration-invalid", Certainty.CONFIRMED, Target.CASE, Params.of(), List.of(b), "r");
        Known k = new Known(Target.CASE, "error-detail", "x", List.of(a, b), "r");
        assertThat(Conclude.evidence(status)).containsExactly(a);
        assertThat(Conclude.evidence(d)).containsExactly(b);
        assertThat(Conclude.evidence(k)).containsExactly(a, b);
        // a collect result and nesting, in order, each fact once
        assertThat(Conclude.evidence(List.of(status, new Explained(b, "r", 1)), a, d)).containsExactly(a, b);
        // what is not evidence adds nothing
        assertThat(Conclude.evidence("text", 42, null, List.of())).isEmpty();
        assertThat(Conclude.evidence()).isEmpty();
    }

    @Test
    void parametersComeInPairs() {
        assertThat(Conclude.params("b", "2", "a", "1")).containsExactly(
                java.util.Map.entry("a", "1"), java.util.Map.entry("b", "2"));
        assertThat(Params.of("k", null)).containsEntry("k", "");
        assertThat(Params.with(new String[] {"a", "1"}, "b", "2")).containsExactly("a", "1", "b", "2");
        assertThat(Params.key("x", Params.of())).isEqualTo("x");
        assertThat(Params.key("x", Params.of("a", "1"))).isEqualTo("x{a=1}");
        assertThatThrownBy(() -> Params.of("lonely")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pairs");
    }

    @Test
    void keysIdentifyWhatMerges() {
        Target t = new Target("", 1, "Shop", "", "ShopPool");
        Diagnosis d = new Diagnosis("app-pool-not-serving", Certainty.PROBABLE, t, Params.of("count", "5"), List.of(b), "r");
        assertThat(d.key()).isEqualTo("app-pool-not-serving@" + t.key());
        assertThat(d.reach()).isEqualTo(2);
        assertThat(d.param("count")).isEqualTo("5");
        assertThat(d.param("missing")).isEmpty();
        PlannedAction p = new PlannedAction("check-app-pool-state", PlanRole.IF_NOT_FIXED, 1, t, d.diagnosisId(), d.key(),
                d.certainty(), "", d.params(), d.evidence(), "plan");
        assertThat(p.key()).isEqualTo("check-app-pool-state#if-not-fixed#" + d.key());
        assertThat(p.concernsStatus(503)).isTrue();
        assertThat(p.concernsStatus(500)).isFalse();
        Question q = new Question("no-iis-log", t, Params.of("status", "503"), "r", List.of());
        assertThat(q.key()).isEqualTo("no-iis-log{status=503}@" + t.key());
        assertThat(Certainty.PROBABLE.key()).isEqualTo("probable");
        assertThat(PlanRole.PREREQUISITE.key()).isEqualTo("prerequisite");
    }
}
