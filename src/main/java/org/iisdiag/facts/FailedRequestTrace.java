package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One Failed Request Tracing file ({@code fr000123.xml}) summarised: what the request was, the final
 * status, and the module that set it (the first {@code MODULE_SET_RESPONSE_ERROR_STATUS} whose HttpStatus
 * matches the final status), with what surrounds it: the warnings and errors before it, the handler,
 * the ARR back end, ANCM failures and the slowest step. Strings are "" when the trace does not say;
 * numbers are -1 when unknown; {@code time} (the first event, UTC) is null only for a trace without events.
 *
 * @param file                 the trace file, relative to the case folder
 * @param url                  the request URL (sensitive query values masked)
 * @param status               the final status ({@code statusCode="500.19"} gives 500)
 * @param substatus            the final substatus (19), 0 when the trace gives none
 * @param timeTaken            milliseconds, from the root element
 * @param failureReason        why the trace was written: STATUS_CODE, TIME_TAKEN, VERBOSITY ...
 * @param module               the module that set the error status, e.g. "IIS Web Core", "ApplicationRequestRouting"
 * @param notification         the pipeline stage it did so in, e.g. "BEGIN_REQUEST"
 * @param errorCode            the HRESULT as hex ("0x8007000d")
 * @param errorDescription     its text ("The data is invalid."), from the trace or a built-in table
 * @param configExceptionInfo  for 500.19 and similar: config file, line and error, trimmed
 * @param configFile           the config file named by {@code configExceptionInfo}
 * @param configLine           its line, 0 when not given
 * @param handler              the handler (HANDLER_CHANGED NewHandlerName, else the EXECUTE_REQUEST_HANDLER module)
 * @param backendServer        the ARR back end (ARR_SERVER_ROUTED Server)
 * @param arrError             ARR_* warning/error events, "NAME: detail; ..."
 * @param ancmFailure          ANCM start/forward failures and failed HRESULTs, "NAME: detail; ..."
 * @param bytesSent            GENERAL_REQUEST_END BytesSent
 * @param warnings             a few Level 1-3 events before the error status, "NAME (Key=value, ...)"
 * @param warningCount         how many such events there were in all
 * @param slowestGap           the largest time between consecutive events, or null with fewer than two timed events
 * @param events               events read
 * @param truncated            the trace was cut (LOG_FILE_MAX_SIZE_TRUNCATE or incomplete XML)
 * @param samples              file:line of the key events
 */
public record FailedRequestTrace(String file, String url, String verb, String siteId, String appPool, String processId,
                                 String authenticationType, String activityId, Instant time,
                                 int status, int substatus, long timeTaken, String failureReason,
                                 String module, String notification, String errorCode, String errorDescription,
                                 String configExceptionInfo, String configFile, int configLine,
                                 String handler, String backendServer, String arrError, String ancmFailure,
                                 long bytesSent, List<String> warnings, int warningCount, Gap slowestGap,
                                 long events, boolean truncated, List<SampleLine> samples) implements RootCauseEvidence, TracedRequest {

    /** The largest pause between two consecutive events: the slow step sits between them. */
    public record Gap(long millis, String before, long beforeLine, String after, long afterLine) {
        @Override
        public String toString() {
            return millis + " ms between " + before + " (line " + beforeLine + ") and " + after + " (line " + afterLine + ")";
        }

        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    /** "500.19" style code. */
    public String code() {
        return status + "." + substatus;
    }

    public boolean hasFailingModule() {
        return !module.isEmpty();
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("FREB ").append(file).append(": ").append(code());
        if (!verb.isEmpty() || !url.isEmpty()) {
            b.append(' ').append(verb).append(verb.isEmpty() ? "" : " ").append(url);
        }
        if (!module.isEmpty()) {
            b.append(", set by ").append(module);
            if (!notification.isEmpty()) {
                b.append(" in ").append(notification);
            }
        } else {
            b.append(", no module set this status in the trace");
        }
        if (!errorCode.isEmpty()) {
            b.append(", error ").append(errorCode);
            if (!errorDescription.isEmpty()) {
                b.append(" (").append(errorDescription).append(')');
            }
        }
        if (!configExceptionInfo.isEmpty()) {
            b.append(", config: ").append(configExceptionInfo);
        }
        if (!backendServer.isEmpty()) {
            b.append(", routed to ").append(backendServer);
        }
        if (!ancmFailure.isEmpty()) {
            b.append(", ANCM: ").append(ancmFailure);
        }
        b.append(String.format(Locale.ROOT, ", %d ms", timeTaken));
        if (time != null) {
            b.append(", ").append(time);
        }
        if (truncated) {
            b.append(" (trace truncated)");
        }
        return b.toString();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
