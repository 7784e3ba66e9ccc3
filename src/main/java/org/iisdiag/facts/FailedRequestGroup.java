package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Failed Request Tracing files aggregated by (module, notification, status.substatus, error code):
 * every trace of the case counts here, including those beyond the per-file detail limit. Strings are ""
 * when the traces do not say (no module set the status); times are null when no trace had events.
 */
public record FailedRequestGroup(String module, String notification, int status, int substatus,
                                 String errorCode, String errorDescription, long count,
                                 Instant firstSeen, Instant lastSeen, List<String> exampleUrls,
                                 List<SampleLine> samples) implements RootCauseEvidence {

    public String code() {
        return status + "." + substatus;
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d x FREB trace %s", count, code()));
        b.append(module.isEmpty() ? " (no module set the status)" : " set by " + module);
        if (!notification.isEmpty()) {
            b.append(" in ").append(notification);
        }
        if (!errorCode.isEmpty()) {
            b.append(", error ").append(errorCode);
            if (!errorDescription.isEmpty()) {
                b.append(" (").append(errorDescription).append(')');
            }
        }
        if (firstSeen != null) {
            b.append(", ").append(firstSeen).append(" to ").append(lastSeen);
        }
        return b.toString();
    }

    @Override
    public long occurrences() {
        return count;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
