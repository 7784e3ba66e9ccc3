package org.iisdiag.facts;

import java.util.List;
import java.util.Locale;

/**
 * Windows Process Activation Service and IIS worker-process events (System log; providers "WAS" /
 * "Microsoft-Windows-WAS", "Microsoft-Windows-IIS-W3SVC-WP", "W3SVC-WP", "Microsoft-Windows-IIS-W3SVC"):
 * 5002 rapid-fail protection, 5009 worker terminated unexpectedly, 5010 ping failure, 5011 fatal
 * communication error, 5012/5013 start-up/shut-down time limits, 5021 invalid identity, 5057/5059 pool
 * disabled ... Aggregated by (provider, event id, application pool, exit code, detail); "" when absent.
 * {@code processId} is the first event's. {@code detail} is the first line of the text (at most 200
 * chars) for worker-process events, which carry no pool, and "" otherwise. For worker-process events
 * {@code exitCode} holds the error of their binary data (2280 "The data is the error.": "0x800700c1").
 */
public record WasEvent(String provider, int eventId, String appPool, String processId, String exitCode, String detail,
                       long count, EventTimes times, List<SampleLine> samples) implements LoggedEvent {

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d x %s event %d", count, provider, eventId));
        if (!appPool.isEmpty()) {
            b.append(" application pool ").append(appPool);
        }
        if (!exitCode.isEmpty()) {
            // a worker-process event's binary data ("The data is the error."), a WAS event's exit code
            b.append(provider.toUpperCase(Locale.ROOT).contains("W3SVC-WP") ? " error " : " exit code ").append(exitCode);
        }
        if (!detail.isEmpty()) {
            b.append(": ").append(detail);
        }
        String t = times.describe();
        return t.isEmpty() ? b.toString() : b.append(", ").append(t).toString();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
