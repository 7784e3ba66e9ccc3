package org.iisdiag.facts;

/** A URI and how often it was seen; {@code error} is the over-estimate bound of the heavy-hitter sketch. */
public record UriCount(String uri, long count, long error) {
    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
