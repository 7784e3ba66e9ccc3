package org.iisdiag.conclusions;

import java.util.List;
import java.util.SortedMap;

import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.RecordEquality;

/**
 * One step of a plan, for this case: a catalog action, the part it plays, the diagnosis (or question) it
 * serves, for which target, with that diagnosis's parameters and evidence. Plans of several diagnoses
 * naming the same action for the same target become one action in the report.
 *
 * @param reason  the diagnosis or question id it serves
 * @param order   its position in that plan (0 first)
 */
public record PlannedAction(String actionId, PlanRole role, int order, Target target, String reason,
                            String reasonKey, Certainty certainty, String severity,
                            SortedMap<String, String> params, List<EvidenceFact> evidence, String ruleId) {

    /** Identifies this plan step (one per action, role and diagnosis) for the ranking rules' votes. */
    public String key() {
        return actionId + "#" + role.key() + "#" + reasonKey;
    }

    /** Whether any of its evidence is about this HTTP status (e.g. the status users reported). */
    public boolean concernsStatus(int status) {
        return evidence.stream().anyMatch(e -> e.status() == status);
    }

    public long reach() {
        return evidence.stream().mapToLong(EvidenceFact::occurrences).sum();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
