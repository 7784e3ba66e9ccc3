package org.iisdiag.facts;

/**
 * Evidence from an event log or an application log: it has a count of occurrences and no HTTP
 * status of its own.
 */
public interface LoggedEvent extends RootCauseEvidence {
    long count();

    /** When the events happened; {@link EventTimes#NONE} for logs that carry no time. */
    default EventTimes times() {
        return EventTimes.NONE;
    }

    @Override
    default java.time.Instant firstSeen() {
        return times().firstUtc();
    }

    @Override
    default java.time.Instant lastSeen() {
        return times().lastUtc();
    }

    @Override
    default long occurrences() {
        return count();
    }

    @Override
    default int status() {
        return 0;
    }
}
