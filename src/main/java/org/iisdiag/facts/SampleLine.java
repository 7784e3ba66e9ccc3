package org.iisdiag.facts;

/** One raw log line kept as evidence, with where it came from (already redacted). */
public record SampleLine(String file, long line, String text) {
    public String location() {
        return file + ":" + line;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
