package org.iisdiag.facts;

/** time-taken distribution (milliseconds) for one site and HTTP status, from an HDR histogram. */
public record TimeTakenSummary(String site, int status, long count, long p50, long p90, long p99, long max) {
    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
