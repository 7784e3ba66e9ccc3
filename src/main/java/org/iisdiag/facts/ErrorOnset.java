package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;

/**
 * When errors of one class (4xx or 5xx, counting the IIS log and HTTPERR together) began in the case's
 * timeline: the start of their largest burst, or of the first error in a quiet log. It began abruptly
 * after {@code cleanMinutesBefore} minutes of traffic at the usual rate (at most {@code usualPerMinute}
 * such errors a minute; 0: none). An expert's first question at an abrupt start is what changed.
 *
 * @param statusClass        4 or 5
 * @param firstRequest       the first minute with any entry
 * @param firstError         the first minute of the burst (or the first error)
 * @param lastError          its last minute
 * @param errors             entries of this class in it
 * @param cleanMinutesBefore minutes of the timeline before {@code firstError}
 * @param usualPerMinute     the most errors of this class in one of those minutes
 */
public record ErrorOnset(int statusClass, Instant firstRequest, Instant firstError, Instant lastError, long errors,
                         long cleanMinutesBefore, long usualPerMinute) implements EvidenceFact {

    /** Errors after at least 10 minutes of clean traffic started abruptly. */
    public boolean abrupt() {
        return cleanMinutesBefore >= 10;
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%,d %dxx errors from %s to %s%s", errors, statusClass, firstError,
                lastError, cleanMinutesBefore == 0 ? "" : ", after " + quietBefore());
    }

    /** "42 minutes without them", or "840 minutes of at most 2 a minute". */
    public String quietBefore() {
        return cleanMinutesBefore + " minutes " + (usualPerMinute == 0 ? "without them"
                : "of at most " + usualPerMinute + " a minute");
    }

    @Override
    public long occurrences() {
        return errors;
    }

    @Override
    public int status() {
        return statusClass * 100;
    }

    @Override
    public List<SampleLine> samples() {
        return List.of();
    }

    @Override
    public Instant firstSeen() {
        return firstError;
    }

    @Override
    public Instant lastSeen() {
        return lastError;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
