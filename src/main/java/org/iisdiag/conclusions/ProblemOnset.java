package org.iisdiag.conclusions;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

import org.iisdiag.classified.ErrorStatus;
import org.iisdiag.classified.HttpSysRejection;
import org.iisdiag.facts.ErrorOnset;

/**
 * When the errors that are a problem began. The timeline's onset counts every error of the class, so in a
 * quiet log a probe set aside as benign an hour earlier becomes "the first error", and "what changed
 * shortly before" would point at the wrong hour. The classified errors (what the benign rules left) each
 * know when they were first seen: the onset moves to the earliest of them when that is later. A burst's
 * start is never moved earlier.
 */
public final class ProblemOnset {
    private ProblemOnset() {
    }

    /** The onset, its start moved to the first error that is a problem when that comes later. */
    public static ErrorOnset of(ErrorOnset onset, Collection<?> errors, Collection<?> rejections) {
        Instant first = null;
        for (Object o : errors) {
            if (o instanceof ErrorStatus e) {
                first = earlier(first, e.source().firstSeen());
            }
        }
        for (Object o : rejections) {
            if (o instanceof HttpSysRejection r) {
                first = earlier(first, r.count().firstSeen());
            }
        }
        if (first == null || onset.firstRequest() == null
                || !first.truncatedTo(ChronoUnit.MINUTES).isAfter(onset.firstError())) {
            return onset;
        }
        // the minute, as the timeline counts them
        first = first.truncatedTo(ChronoUnit.MINUTES);
        long clean = Duration.between(onset.firstRequest(), first).toMinutes();
        return new ErrorOnset(onset.statusClass(), onset.firstRequest(), first, onset.lastError(), onset.errors(),
                clean, onset.usualPerMinute());
    }

    private static Instant earlier(Instant a, Instant b) {
        return b == null ? a : a == null || b.isBefore(a) ? b : a;
    }
}
