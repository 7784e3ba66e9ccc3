package org.iisdiag.facts;

import java.util.List;
import java.util.Locale;

/**
 * WCF's hosting events in the Application log (source "System.ServiceModel 4.0.0.0", task category WebHost):
 * 3 "WebHost failed to process a request", 1 "A Webhost unhandled exception occurred", 2 "A WebHost HTTP
 * exception occurred". Aggregated by (source, event id, service, exception type, inner exception type and
 * message); the other fields come from the first event of the group.
 *
 * @param source        the event source, e.g. "System.ServiceModel 4.0.0.0" (its version is WCF's: 3.0.0.0 or 4.0.0.0)
 * @param service       the virtual path of the service a ServiceActivationException names ("/app/Orders.svc"), or ""
 * @param exceptionType the outer exception's type ("System.ServiceModel.ServiceActivationException"), or ""
 * @param exception     the exception as written before its stack trace: the outer message and, after " ---> ",
 *                      the inner exception's type and message (whitespace folded, at most 2,000 chars)
 * @param innerType     the inner exception's type ("System.ArgumentException"), or ""
 * @param innerMessage  the inner exception's message, or the outer one's without an inner exception
 * @param processId     the worker's process id ("Process ID"), or ""
 */
public record WcfWebHostEvent(String source, int eventId, String service, String exceptionType, String exception,
                              String innerType, String innerMessage, String processId, long count, EventTimes times,
                              List<SampleLine> samples) implements LoggedEvent {

    /** WCF could not build the service host of a .svc: every request to it fails until the cause is fixed. */
    public boolean activationFailure() {
        return exceptionType.endsWith(".ServiceActivationException");
    }

    /** WCF's assembly version from the event source ("4.0.0.0" of "System.ServiceModel 4.0.0.0"), or "". */
    public String wcfVersion() {
        int space = source.lastIndexOf(' ');
        String v = space < 0 ? "" : source.substring(space + 1);
        return v.matches("\\d{1,2}(\\.\\d{1,5}){1,3}") ? v : "";
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d x %s event %d", count, source, eventId));
        if (!service.isEmpty()) {
            b.append(" for ").append(service);
        }
        if (!exceptionType.isEmpty()) {
            b.append(": ").append(exceptionType.substring(exceptionType.lastIndexOf('.') + 1));
        }
        if (!innerMessage.isEmpty()) {
            String inner = (innerType.isEmpty() ? "" : innerType.substring(innerType.lastIndexOf('.') + 1) + ": ") + innerMessage;
            b.append(innerType.isEmpty() ? ": " : " ---> ").append(inner.length() > 200 ? inner.substring(0, 200) + "..." : inner);
        }
        String t = times.describe();
        return t.isEmpty() ? b.toString() : b.append(", ").append(t).toString();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
