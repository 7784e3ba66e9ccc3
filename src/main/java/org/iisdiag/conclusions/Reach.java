package org.iisdiag.conclusions;

import java.util.Collection;
import java.util.Set;

import org.iisdiag.facts.EvidenceFact;

/**
 * How many users a problem touched: the error entries and events it rests on, benign context (a
 * Windows-authentication challenge) left out. A cause behind a handful of errors in a busy log is
 * {@link #isolated}: real, but not what users are calling about. The ranking rules and the report's
 * verdict use the same measure.
 */
public final class Reach {
    /** A log this busy tells a background trickle from an outage. */
    public static final long BUSY_LOG_REQUESTS = 10_000;
    /** Fewer errors than this is a handful. */
    public static final long HANDFUL = 10;
    /** Under one in this many requests is a handful too (0.2%). */
    public static final long SHARE = 500;

    private Reach() {
    }

    /** Whether evidence counts towards reach: an error entry, or a fact without a status (an event). */
    public static boolean counts(EvidenceFact e) {
        return e.status() >= 400 || e.status() == 0;
    }

    /**
     * Whether the fact is entries of a log of statuses (the IIS log's or HTTPERR's counts), as opposed to
     * another view of the same requests (the timeline's error onset, a trace, a browser capture, an event).
     */
    public static boolean logEntries(EvidenceFact e) {
        return e instanceof org.iisdiag.facts.IisStatusCount || e instanceof org.iisdiag.facts.HttpErrCount;
    }

    /** The occurrences of the evidence that count, benign facts left out. */
    public static long of(Collection<? extends EvidenceFact> evidence, Set<?> benign) {
        long n = 0;
        for (EvidenceFact e : evidence) {
            if (counts(e) && !benign.contains(e)) {
                n += e.occurrences();
            }
        }
        return n;
    }

    /**
     * The requests a problem about {@code target} is measured against: its server's, when the case holds
     * several servers and the target names one, else the whole IIS log's.
     */
    public static long requests(Target target, org.iisdiag.facts.IisLogWindow window,
                                Collection<?> servers) {
        if (!target.server().isEmpty()) {
            for (Object o : servers) {
                if (o instanceof org.iisdiag.facts.ServerTraffic t && t.server().equalsIgnoreCase(target.server())) {
                    return t.requests();
                }
            }
        }
        return window == null ? 0 : window.requests();
    }

    /** Whether {@code reach} errors are a handful among the {@code requests} of the IIS log. */
    public static boolean isolated(long reach, long requests) {
        return requests >= BUSY_LOG_REQUESTS && (reach < HANDFUL || reach * SHARE < requests);
    }
}
