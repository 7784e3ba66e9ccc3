package org.iisdiag.facts;

/** One raw log line kept as evidence, with where it came from (already redacted). */
public record SampleLine(String file, long line, String text) {
    public String location() {
        return file + ":" + line;
    }
}
