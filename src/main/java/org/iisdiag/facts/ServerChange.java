package org.iisdiag.facts;

import java.time.Instant;

/**
 * A change made to the server that the engineer knows of (env.yaml {@code changes:}): when, what kind,
 * what exactly, and optionally the site or application pool it touched. {@code when} is null when the
 * time could not be read as UTC (then {@code whenText} is all there is); a time without a zone is taken
 * as UTC, the zone of the IIS logs, and {@code assumedUtc} says so.
 */
public record ServerChange(Instant when, String whenText, boolean assumedUtc, ChangeKind kind, String description,
                           String site, String appPool, String source) implements SingleObservation {

    /** "deployment 2025-03-04T14:05:00Z: robocopy of the publish folder". */
    @Override
    public String describe() {
        return "change: " + kind.key() + " " + (when == null ? whenText : when.toString())
                + (description.isEmpty() ? "" : ": " + description)
                + (appPool.isEmpty() ? "" : " (application pool " + appPool + ")")
                + (site.isEmpty() ? "" : " (site " + site + ")") + " (" + source + ")";
    }

    @Override
    public java.util.List<SampleLine> samples() {
        return java.util.List.of();
    }

    @Override
    public Instant firstSeen() {
        return when;
    }

    @Override
    public Instant lastSeen() {
        return when;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
