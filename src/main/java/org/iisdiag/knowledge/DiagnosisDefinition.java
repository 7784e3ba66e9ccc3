package org.iisdiag.knowledge;

import java.util.List;
import java.util.Map;

import org.iisdiag.conclusions.PlanRole;
import org.iisdiag.conclusions.Target;
import org.iisdiag.facts.RecordEquality;

/**
 * A kind of diagnosis from the catalog: title and explanation templates, severity, the article section,
 * and the ordered plan: fix steps, what the fix needs collected, how to verify, what to try if it does
 * not help ({@link PlanRole} to action ids). {@code scope}, when set, is how much of its target a diagnosis
 * is about: an application pool that is down is one diagnosis whichever site's requests showed it
 * (null: the target as concluded).
 */
public record DiagnosisDefinition(String id, String title, String section, Severity severity, String explanation,
                                  Map<String, String> params, Map<PlanRole, List<String>> plan, Target.Scope scope,
                                  String source) implements java.io.Serializable, CatalogEntry {
    @Override
    public String label() {
        return "diagnosis " + id;
    }


    /** The target this diagnosis is about, cut to its scope. */
    public Target about(Target concluded) {
        return scope == null ? concluded : concluded.at(scope);
    }

    /** The plan's steps in order: fix, collect, verify, then if-not-fixed, each in catalog order. */
    public List<PlanStep> steps() {
        List<PlanStep> out = new java.util.ArrayList<>();
        for (PlanRole role : List.of(PlanRole.FIX, PlanRole.COLLECT, PlanRole.VERIFY, PlanRole.IF_NOT_FIXED)) {
            for (String id : plan.getOrDefault(role, List.of())) {
                out.add(new PlanStep(role, out.size(), id));
            }
        }
        return out;
    }

    /** One step of a plan: its role, position and action. */
    public record PlanStep(PlanRole role, int order, String actionId) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
