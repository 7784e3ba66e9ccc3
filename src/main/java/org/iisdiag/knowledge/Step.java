package org.iisdiag.knowledge;

import org.iisdiag.facts.RecordEquality;

/** A catalog step (of an action's steps, verify or revert) and when it applies. */
public record Step(String text, Condition condition) implements java.io.Serializable {
    public static Step always(String text) {
        return new Step(text, Condition.ALWAYS);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
