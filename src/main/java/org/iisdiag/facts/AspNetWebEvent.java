package org.iisdiag.facts;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * ASP.NET (Framework) health-monitoring web events (provider "ASP.NET 4.0.30319.0", event 1309 warnings,
 * 1310 configuration errors and 1305 application lifetime events such as 1002 "Application is shutting down.
 * Reason: ...") aggregated by (event id, event code, application virtual path, exception type, request path;
 * a 1305 also by its message). The other fields are from the first event of the group; "" when absent.
 *
 * @param eventCode        WebEventCodes: 3005 unhandled exception, 3001 request aborted (timed out), 3008
 *                         configuration error, 1001 application start, 1002 application shutdown ... (0 when unreadable)
 * @param exceptionMessage the first line of the exception message, at most 500 chars
 * @param requestUrl       with sensitive query values masked
 * @param applicationDomain the application domain without its run-time suffix ("/LM/W3SVC/1/ROOT", which names the
 *                         site and application), or ""
 * @param threadAccountName the account the request's thread ran as ("Thread account name": the end user when the
 *                         application impersonates), or ""
 * @param authenticationType how the user was authenticated ("Negotiate", "NTLM" ...), or ""
 * @param impersonating    "Is impersonating: True": the thread ran as the request's user, not the pool's identity
 * @param stackTop         the first frames of the exception's stack trace ("at Ns.Type.Method(...)" lines joined
 *                         with a line break, at most six, at most 1,000 chars): where it was thrown, or ""
 */
public record AspNetWebEvent(int eventId, int eventCode, String eventMessage, String exceptionType,
                             String exceptionMessage, String requestUrl, String requestPath,
                             String applicationVirtualPath, String applicationDomain, String processId, String processName, String accountName,
                             String threadAccountName, String authenticationType, boolean impersonating,
                             String stackTop, long count, EventTimes times, List<SampleLine> samples) implements LoggedEvent {

    /** Without the stack trace's first frames. */
    public AspNetWebEvent(int eventId, int eventCode, String eventMessage, String exceptionType,
                          String exceptionMessage, String requestUrl, String requestPath,
                          String applicationVirtualPath, String applicationDomain, String processId, String processName,
                          String accountName, String threadAccountName, String authenticationType, boolean impersonating,
                          long count, EventTimes times, List<SampleLine> samples) {
        this(eventId, eventCode, eventMessage, exceptionType, exceptionMessage, requestUrl, requestPath,
                applicationVirtualPath, applicationDomain, processId, processName, accountName, threadAccountName,
                authenticationType, impersonating, "", count, times, samples);
    }

    /** The exception as a signature reads it: "Type: message", then the first frames of its stack trace. */
    public String exceptionText() {
        String head = exceptionType + ": " + exceptionMessage;
        return stackTop.isEmpty() ? head : head + "\n" + stackTop;
    }

    /** Without the thread's account, authentication type and impersonation (not impersonating). */
    public AspNetWebEvent(int eventId, int eventCode, String eventMessage, String exceptionType, String exceptionMessage,
                          String requestUrl, String requestPath, String applicationVirtualPath, String applicationDomain,
                          String processId, String processName, String accountName, long count, EventTimes times,
                          List<SampleLine> samples) {
        this(eventId, eventCode, eventMessage, exceptionType, exceptionMessage, requestUrl, requestPath,
                applicationVirtualPath, applicationDomain, processId, processName, accountName, "", "", false, count,
                times, samples);
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d x ASP.NET event %d code %d", count, eventId, eventCode));
        if (!exceptionType.isEmpty()) {
            b.append(' ').append(exceptionType);
        }
        if (!exceptionMessage.isEmpty()) {
            b.append(": ").append(exceptionMessage.length() > 120 ? exceptionMessage.substring(0, 120) + "..." : exceptionMessage);
        } else if (exceptionType.isEmpty() && !eventMessage.isEmpty()) {
            // a lifetime event (1305) says what happened in its message: "Application is shutting down. Reason: ..."
            b.append(": ").append(eventMessage.length() > 160 ? eventMessage.substring(0, 160) + "..." : eventMessage);
        }
        if (!requestPath.isEmpty()) {
            b.append(" on ").append(requestPath);
        }
        if (!applicationVirtualPath.isEmpty()) {
            b.append(" (application ").append(applicationVirtualPath).append(')');
        }
        String t = times.describe();
        return t.isEmpty() ? b.toString() : b.append(", ").append(t).toString();
    }

    /** What ASP.NET appends to an application's metabase path to name its application domain: "-1-133807...". */
    private static final Pattern RUNTIME_SUFFIX = Pattern.compile("-\\d{1,4}-\\d{10,}$");

    /** "/LM/W3SVC/1/ROOT/api" out of the application domain "/LM/W3SVC/1/ROOT/api-1-134078712337641032". */
    public static String applicationOfDomain(String domain) {
        return domain == null ? "" : RUNTIME_SUFFIX.matcher(domain.strip()).replaceFirst("");
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
