package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The request headers a Failed Request Tracing file shows (GENERAL_REQUEST_HEADERS), measured without keeping
 * any value: each header's name as sent and the length of its value in characters (the longest when a name
 * repeats). With the trace's URL, site and final status, a header that is longer than a limit can be named.
 * {@code cut} says the headers ran past what the reader keeps of one value, so the last one may be longer.
 */
public record TracedRequestHeaders(String file, String url, String siteId, int status, int substatus, Instant time,
                                   List<Header> headers, boolean cut, List<SampleLine> samples) implements TracedRequest {

    /** One request header: its name and the length of its value. */
    public record Header(String name, long valueLength) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    /** The length of the value of header {@code name} (any case), or -1 when the request did not send it. */
    public long lengthOf(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.valueLength();
            }
        }
        return -1;
    }

    @Override
    public String describe() {
        Header largest = null;
        for (Header h : headers) {
            if (largest == null || h.valueLength() > largest.valueLength()) {
                largest = h;
            }
        }
        return String.format(Locale.ROOT, "traced request %s (%d.%d, %s): %d request headers%s", url, status, substatus, file,
                headers.size(), largest == null ? "" : String.format(Locale.ROOT, ", the longest %s (%,d characters)",
                        largest.name(), largest.valueLength()));
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
