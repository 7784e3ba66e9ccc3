package org.iisdiag.conclusions;

import java.time.Duration;
import java.time.Instant;

/**
 * Time correlation between evidence from different sources (a FREB trace and the IIS log, a HAR and
 * HTTPERR). Clocks and log buffering differ a little, so windows match with some slack.
 */
public final class Correlation {
    /** Slack applied to both ends of a window: IIS buffers log entries, and client clocks drift. */
    static final Duration SLACK = Duration.ofMinutes(2);

    private Correlation() {
    }

    /** Whether [aFirst, aLast] and [bFirst, bLast] overlap once widened by the slack; false when a time is unknown. */
    public static boolean overlaps(Instant aFirst, Instant aLast, Instant bFirst, Instant bLast) {
        if (aFirst == null || aLast == null || bFirst == null || bLast == null) {
            return false;
        }
        return !aFirst.minus(SLACK).isAfter(bLast) && !bFirst.minus(SLACK).isAfter(aLast);
    }
}
