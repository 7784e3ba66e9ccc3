package org.iisdiag.facts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * When the events behind an aggregated event-log fact happened: the first and last time seen. Event XML
 * carries UTC ({@code TimeCreated SystemTime}); a Get-WinEvent CSV carries the exporting machine's local
 * time without a zone, so {@code utc} is false when any event came without a zone. Both are null when no
 * event had a readable time. {@code clock} says how local times were placed in UTC when the case told
 * their machine's offset ("exported in local time, read as UTC-05:00"), "" for times logged in UTC or left local.
 */
public record EventTimes(LocalDateTime first, LocalDateTime last, boolean utc, String clock) {
    public static final EventTimes NONE = new EventTimes(null, null, true);

    public EventTimes(LocalDateTime first, LocalDateTime last, boolean utc) {
        this(first, last, utc, "");
    }

    public static EventTimes of(LocalDateTime t, boolean utc) {
        return t == null ? new EventTimes(null, null, utc) : new EventTimes(t, t, utc);
    }

    /** The span covering both. */
    public EventTimes plus(EventTimes o) {
        LocalDateTime f = first == null ? o.first : o.first == null || !o.first.isBefore(first) ? first : o.first;
        LocalDateTime l = last == null ? o.last : o.last == null || !o.last.isAfter(last) ? last : o.last;
        return new EventTimes(f, l, utc && o.utc, clock.isEmpty() ? o.clock : clock);
    }

    /**
     * Local times placed in UTC, given the offset of their machine's clock ({@code local = UTC + offset});
     * times already in UTC, or unknown, stay as they are.
     */
    public EventTimes inUtc(ZoneOffset offset, String clock) {
        if (utc || first == null) {
            return this;
        }
        return new EventTimes(first.minusSeconds(offset.getTotalSeconds()), last.minusSeconds(offset.getTotalSeconds()),
                true, clock);
    }

    /** The first time as an instant, or null when unknown or not UTC. */
    public Instant firstUtc() {
        return utc && first != null ? first.toInstant(ZoneOffset.UTC) : null;
    }

    /** The last time as an instant, or null when unknown or not UTC. */
    public Instant lastUtc() {
        return utc && last != null ? last.toInstant(ZoneOffset.UTC) : null;
    }

    /** "2025-01-09T10:00:05Z to 2025-01-09T10:04:00Z", "... (local time, no zone)", or "" when unknown. */
    public String describe() {
        if (first == null) {
            return "";
        }
        String suffix = utc ? "Z" : "";
        String span = first.equals(last) ? first + suffix : first + suffix + " to " + last + suffix;
        return !utc ? span + " (local time, no zone)" : clock.isEmpty() ? span : span + " (" + clock + ")";
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
