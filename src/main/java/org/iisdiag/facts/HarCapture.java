package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One HAR file at a glance: how many requests and pages it holds, over which time (UTC), what wrote it,
 * and how many requests failed. Times are null when no entry had a readable startedDateTime.
 *
 * @param creator         log.creator name and version ("WebInspector 537.36")
 * @param browser         log.browser name and version, "" when absent
 * @param errorEntries    entries with status &ge; 400
 * @param noResponses     entries with status 0 (no HTTP response)
 * @param truncated       the JSON was cut or malformed; the entries before the problem are counted
 */
public record HarCapture(String file, String version, String creator, String browser, long entries, long pages,
                         Instant first, Instant last, long errorEntries, long noResponses,
                         boolean truncated) implements EvidenceFact {

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "HAR %s: %,d requests on %,d pages%s, %,d errors, %,d without response%s%s",
                file, entries, pages, first == null ? "" : ", " + first + " to " + last, errorEntries, noResponses,
                creator.isEmpty() ? "" : ", by " + creator, truncated ? " (truncated)" : "");
    }

    @Override
    public long occurrences() {
        return entries;
    }

    @Override
    public int status() {
        return 0;
    }

    @Override
    public List<SampleLine> samples() {
        return List.of();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
