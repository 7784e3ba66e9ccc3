package org.iisdiag.facts;

import java.util.List;
import java.util.Locale;

/**
 * ASP.NET Core Module events (Application log, providers "IIS AspNetCore Module V2", "IIS Express AspNetCore
 * Module V2" and their V1 names) aggregated by (provider, event id, application, error code, process exit
 * code, exit code, exception). Fields that were not in the text are "". {@code physicalRoot} and
 * {@code commandLine} are from the first event of the group.
 *
 * @param application     "MACHINE/WEBROOT/APPHOST/site" or "/LM/W3SVC/n/ROOT"
 * @param errorCode       the HRESULT of "ErrorCode = '0x80004005 : 80008083'" ("0x80004005"), or of
 *                        "exception code = '0xe0434352'"
 * @param processExitCode the part after ':' in the ErrorCode, the started process's exit code in hex
 *                        ("80008083", "ff", "0")
 * @param exitCode        the decimal exit code of 1011/1035 "exited from Program.Main with exit code = '...'"
 * @param exception       the exception text of 1007/1028/1031/1034 ("Exception message: ..."), at most 500 chars
 */
public record AncmEvent(String provider, int eventId, AncmEventKind kind, String application, String physicalRoot,
                        String commandLine, String errorCode, String processExitCode, String exitCode,
                        String exception, long count, EventTimes times, List<SampleLine> samples) implements LoggedEvent {

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d x %s event %d (%s)", count, provider, eventId, kind));
        if (!application.isEmpty()) {
            b.append(" application ").append(application);
        }
        if (!errorCode.isEmpty()) {
            b.append(" ErrorCode ").append(errorCode);
            if (!processExitCode.isEmpty()) {
                b.append(" : ").append(processExitCode);
            }
        }
        if (!exitCode.isEmpty()) {
            b.append(" exit code ").append(exitCode);
        }
        if (!exception.isEmpty()) {
            b.append(": ").append(exception.length() > 120 ? exception.substring(0, 120) + "..." : exception);
        }
        String t = times.describe();
        return t.isEmpty() ? b.toString() : b.append(", ").append(t).toString();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
