package org.iisdiag.facts;

/** What users reported (env.yaml {@code reported.statusCodes}), even when no log shows it yet. */
public record ReportedSymptom(int status) {
    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
