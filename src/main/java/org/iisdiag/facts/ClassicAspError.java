package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;

/**
 * Classic ASP errors the IIS log appended to cs-uri-query ({@code |line|code|description}), aggregated
 * by (site, page, line, code): {@code page} is the cs-uri-stem, {@code line} the script line (0 when
 * the log says "-"), {@code code} the error number as logged ("800a01a8", "ASP_0113"),
 * {@code description} with IIS's underscores turned back into spaces (from the first entry), and
 * {@code status} the highest HTTP status of the entries (500 as a rule, 500.100 or 500.0).
 */
public record ClassicAspError(String site, String page, int line, String code, String description, long count,
                              Instant firstSeen, Instant lastSeen, int status, List<SampleLine> samples)
        implements RootCauseEvidence {

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%,d x Classic ASP error %s '%s' in %s line %s%s, %s to %s",
                count, code, description, page, line == 0 ? "-" : Integer.toString(line),
                site.isEmpty() ? "" : " on " + site, firstSeen, lastSeen);
    }

    @Override
    public long occurrences() {
        return count;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
