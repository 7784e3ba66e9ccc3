package org.iisdiag.facts;

/**
 * A kind of evidence that is present in the case (inserted once per kind that has at least one
 * readable file), so rules can reason about what is missing with {@code not EvidenceSource(...)}.
 */
public record EvidenceSource(EvidenceKind kind, int files, long lines) {
    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
