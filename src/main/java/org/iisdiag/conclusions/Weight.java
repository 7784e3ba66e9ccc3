package org.iisdiag.conclusions;

import org.iisdiag.facts.RecordEquality;

/** A ranking rule's vote on a plan step's place within its tier: higher comes first. */
public record Weight(String plannedKey, int delta, String reason, String ruleId) {
    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
