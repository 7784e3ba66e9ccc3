package org.iisdiag.facts;

import java.time.Instant;

/** The whole IIS log at a glance: its time range and totals per status class. */
public record IisLogWindow(Instant first, Instant last, long requests, long clientErrors, long serverErrors) {
    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
