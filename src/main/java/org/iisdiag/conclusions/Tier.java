package org.iisdiag.conclusions;

import org.iisdiag.facts.RecordEquality;

/**
 * The ranking rules' placement of one plan step: tier 1 fixes and verifications of confirmed diagnoses,
 * 2 checks and fixes of probable ones, 3 collection of what is unknown, 4 what to try if the fix does
 * not help. An action takes the best tier any of its plan steps gets.
 */
public record Tier(String plannedKey, int tier, String reason, String ruleId) {
    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
