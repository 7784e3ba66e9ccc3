package org.iisdiag.knowledge;

import java.util.List;
import java.util.Map;

import org.iisdiag.conclusions.PlanRole;

/**
 * A kind of diagnosis from the catalog: title and explanation templates, severity, the article section,
 * and the ordered plan: fix steps, what the fix needs collected, how to verify, what to try if it does
 * not help ({@link PlanRole} to action ids).
 */
public record DiagnosisDefinition(String id, String title, String section, Severity severity, String explanation,
                                  Map<String, String> params, Map<PlanRole, List<String>> plan, String source) {

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
    }
}
