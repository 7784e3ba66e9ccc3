package org.iisdiag.facts;

import java.time.Instant;

/** Evidence of one request a Failed Request Tracing file recorded: seen once, at the time the trace gives. */
public interface TracedRequest extends EvidenceFact {
    /** When the request was traced (null when the trace gives no time). */
    Instant time();

    @Override
    default long occurrences() {
        return 1;
    }

    @Override
    default Instant firstSeen() {
        return time();
    }

    @Override
    default Instant lastSeen() {
        return time();
    }
}
