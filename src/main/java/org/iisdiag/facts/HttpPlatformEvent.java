package org.iisdiag.facts;

import java.util.List;
import java.util.Locale;

/**
 * HttpPlatformHandler events (Application log, source "HttpPlatformHandler": the IIS module that starts a
 * Java, Node.js, Python or other process listening on %HTTP_PLATFORM_PORT% and forwards the requests to it),
 * aggregated by (event id, kind, error code, whether a process was created).
 *
 * @param processId   the process id of the first event ("0" when the module could not create the process), ""
 * @param errorCode   the HRESULT of "Error Code = '-2147024894'" in hex ("0x80070002"), "" when none
 * @param neverCreated the event says process '0': CreateProcess itself failed, nothing ran
 */
public record HttpPlatformEvent(int eventId, HttpPlatformEventKind kind, String processId, String errorCode,
                                boolean neverCreated, long count, EventTimes times, List<SampleLine> samples)
        implements LoggedEvent {

    /** The error code names a file or folder that does not exist (0x80070002, 0x80070003). */
    public boolean fileNotFound() {
        return errorCode.equals("0x80070002") || errorCode.equals("0x80070003");
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d x HttpPlatformHandler event %d (%s)",
                count, eventId, kind));
        if (neverCreated) {
            b.append(" process '0' (never created)");
        }
        if (!errorCode.isEmpty()) {
            b.append(" Error Code ").append(errorCode);
        }
        String t = times.describe();
        return t.isEmpty() ? b.toString() : b.append(", ").append(t).toString();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
