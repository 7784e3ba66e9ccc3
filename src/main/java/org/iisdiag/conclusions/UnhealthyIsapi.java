package org.iisdiag.conclusions;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a worker-process event 2262 says ("ISAPI 'C:\...\aspnet_isapi.dll' reported itself as unhealthy for the
 * following reason: 'Deadlock detected'."): which extension declared its worker unhealthy, and why. ASP.NET
 * (Classic pipeline) and Classic ASP report themselves this way when their request threads are all blocked.
 */
public final class UnhealthyIsapi {
    private static final Pattern REPORT = Pattern.compile(
            "ISAPI '(?<path>[^'\\r\\n]{1,300})' reported itself as unhealthy(?: for the following reason: '(?<reason>[^'\\r\\n]{1,300})')?",
            Pattern.CASE_INSENSITIVE);

    private UnhealthyIsapi() {
    }

    /** Whether {@code detail} is such a report. */
    public static boolean isReport(String detail) {
        return REPORT.matcher(detail).find();
    }

    /** The extension's path, "" when {@code detail} is not a report. */
    public static String extensionPath(String detail) {
        Matcher m = REPORT.matcher(detail);
        return m.find() ? m.group("path") : "";
    }

    /** The extension's file name ("aspnet_isapi.dll"), "" when {@code detail} is not a report. */
    public static String extension(String detail) {
        String path = extensionPath(detail);
        return path.substring(Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/')) + 1);
    }

    /** The reason it gave, "" when it gave none or {@code detail} is not a report. */
    public static String reason(String detail) {
        Matcher m = REPORT.matcher(detail);
        return m.find() && m.group("reason") != null ? m.group("reason") : "";
    }
}
