package org.iisdiag.conclusions;

import org.iisdiag.facts.RecordEquality;

/** A warning a ranking rule attaches to one plan step (e.g. the server is internet-facing). */
public record Caveat(String plannedKey, String text, String ruleId) {
    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
