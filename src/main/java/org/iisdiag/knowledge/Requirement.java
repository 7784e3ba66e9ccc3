package org.iisdiag.knowledge;

import org.iisdiag.facts.RecordEquality;

/** An action that must be done before another one can work, and when that is so. */
public record Requirement(String actionId, Condition condition) implements java.io.Serializable {
    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
