package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;

/**
 * When errors of one class (4xx or 5xx, counting the IIS log and HTTPERR together) began in the case's
 * timeline, and whether they began abruptly: after {@code cleanMinutesBefore} minutes of traffic
 * without them. An expert's first question at an abrupt start is what changed.
 *
 * @param statusClass        4 or 5
 * @param firstRequest       the first minute with any entry
 * @param firstError         the first minute with an error of this class
 * @param lastError          the last such minute
 * @param errors             entries of this class in all
 * @param cleanMinutesBefore minutes with traffic but no such error before {@code firstError}
 */
public record ErrorOnset(int statusClass, Instant firstRequest, Instant firstError, Instant lastError, long errors,
                         long cleanMinutesBefore) implements EvidenceFact {

    /** Errors after at least 10 minutes of clean traffic started abruptly. */
    public boolean abrupt() {
        return cleanMinutesBefore >= 10;
    }

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%,d %dxx errors from %s to %s%s", errors, statusClass, firstError,
                lastError, cleanMinutesBefore > 0 ? ", after " + cleanMinutesBefore + " minutes of traffic without them" : "");
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
}
