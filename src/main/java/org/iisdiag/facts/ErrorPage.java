package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An error page a client saved (a HAR response body) that names its error: IIS's detailed error
 * ("HTTP Error 500.19", module, notification, handler, error code, config file), the ASP.NET Core Module's
 * own pages ("HTTP Error 500.30 - ASP.NET Core app failed to start"), or ASP.NET's error page ("Exception
 * Details: System.X: ..."). Aggregated by what it says; strings are "" when the page does not say.
 *
 * @param kind         "iis-detailed", "ancm", "aspnet" or "generic"
 * @param code         "500.19" (status.substatus as the page shows it), "" when it names none
 * @param status       the HTTP status of the response
 * @param heading      the page's headline ("The requested page cannot be accessed because ...")
 * @param configError  IIS's "Config Error" text
 * @param configFile   IIS's "Config File", without the \\?\ prefix
 * @param configLine   the line of that file IIS's "Config Source" points at, -1 when it names none
 * @param configProblem what that line shows is malformed (a bare '&amp;' ...), {@link XmlProblem#UNKNOWN} when it
 *                     shows nothing wrong or no line
 * @param exception    ASP.NET's "Exception Details", at most 300 characters
 */
public record ErrorPage(String kind, String code, int status, String heading, String module, String notification,
                        String handler, String errorCode, String configError, String configFile, long configLine,
                        XmlProblem configProblem, String physicalPath,
                        String requestedUrl, String logonMethod, String exception, long count, Instant firstSeen,
                        Instant lastSeen, List<SampleLine> samples) implements RootCauseEvidence {

    /** The substatus the page names, or -1. */
    public int substatus() {
        int dot = code.indexOf('.');
        if (dot < 0) {
            return -1;
        }
        try {
            return Integer.parseInt(code.substring(dot + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether IIS's "Config Error" says the configuration file is not well-formed XML. */
    public boolean configNotWellFormed() {
        return configError.toLowerCase(Locale.ROOT).contains("not well-formed");
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d x saved error page", count));
        b.append(code.isEmpty() ? " " + status : " HTTP Error " + code);
        if (!heading.isEmpty()) {
            b.append(" (").append(heading).append(')');
        }
        if (!module.isEmpty()) {
            b.append(", module ").append(module);
        }
        if (!notification.isEmpty()) {
            b.append(", notification ").append(notification);
        }
        if (!handler.isEmpty()) {
            b.append(", handler ").append(handler);
        }
        if (!errorCode.isEmpty()) {
            b.append(", error code ").append(errorCode);
        }
        if (!configFile.isEmpty()) {
            b.append(", config file ").append(configFile);
            if (configLine > 0) {
                b.append(" line ").append(configLine);
            }
        }
        if (!configError.isEmpty()) {
            b.append(", config error: ").append(configError);
        }
        if (configProblem != XmlProblem.UNKNOWN) {
            b.append(" (the line shows ").append(configProblem.text()).append(')');
        }
        if (!physicalPath.isEmpty()) {
            b.append(", physical path ").append(physicalPath);
        }
        if (!exception.isEmpty()) {
            b.append(", exception: ").append(exception);
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
