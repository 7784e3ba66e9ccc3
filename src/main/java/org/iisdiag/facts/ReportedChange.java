package org.iisdiag.facts;

import java.util.List;

/**
 * A change the engineer or user names in env.yaml's {@code reported.description} ("Yesterday evening the pool
 * was switched to ApplicationPoolIdentity"): with no time it cannot be placed before the errors, but the case
 * already answers "what changed?", so the report does not ask it.
 */
public record ReportedChange(String clause, String source) implements SingleObservation {
    @Override
    public String describe() {
        return "as reported: \"" + clause + "\" (" + source + ")";
    }

    @Override
    public List<SampleLine> samples() {
        return List.of();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
