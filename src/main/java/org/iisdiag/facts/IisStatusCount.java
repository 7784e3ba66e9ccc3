package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;

/**
 * IIS log entries aggregated by (site, status, substatus, win32): the article's first stop for any
 * 4xx or 5xx. {@code site} is the W3SVC folder or s-sitename ("W3SVC1"), or "" when unknown.
 */
public record IisStatusCount(String site, int status, int substatus, long win32, long count,
                             Instant firstSeen, Instant lastSeen,
                             List<UriCount> topUris, List<SampleLine> samples) implements EvidenceFact {

    /** "500.19" style code as IIS shows it in the browser. */
    public String code() {
        return status + "." + substatus;
    }

    public int statusClass() {
        return status / 100;
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%,d x %d.%d (win32 %d)%s in the IIS log, %s to %s",
                count, status, substatus, win32, site.isEmpty() ? "" : " on " + site, firstSeen, lastSeen);
    }

    @Override
    public long occurrences() {
        return count;
    }
}
