package org.iisdiag.conclusions;

import org.iisdiag.facts.RecordEquality;

/** A plan step left out because the case already shows everything it would collect, and what shows it. */
public record NotPlanned(String actionId, PlanRole role, Target target, String reason, String why, String ruleId) {
    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
