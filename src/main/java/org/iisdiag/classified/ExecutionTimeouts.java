package org.iisdiag.classified;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

import org.iisdiag.facts.HttpRuntimeConfig;
import org.iisdiag.facts.IisStatusCount;

/**
 * ASP.NET's executionTimeout as the configuration in the case gives it to an application, and what the IIS log
 * says about the requests it aborted: whether they ran one at a time (each on its own past the limit, not a pile of
 * requests stuck together), and the {@code <location path>} that scopes a setting to one page.
 */
public final class ExecutionTimeouts {
    private ExecutionTimeouts() {
    }

    /** The application-wide httpRuntime of the levels given (outside any location), else none. */
    private static HttpRuntimeConfig applicationWide(Collection<?> runtimes) {
        return runtimes.stream().filter(HttpRuntimeConfig.class::isInstance).map(HttpRuntimeConfig.class::cast)
                .filter(r -> r.locationPath().isBlank() && r.executionTimeoutSeconds() > 0)
                .min(Comparator.comparing(HttpRuntimeConfig::source)).orElse(null);
    }

    /** executionTimeout in seconds: the application-wide setting of the case, else ASP.NET's default (110). */
    public static long seconds(Collection<?> runtimes) {
        HttpRuntimeConfig r = applicationWide(runtimes);
        return r == null ? HttpRuntimeConfig.DEFAULT_EXECUTION_TIMEOUT : r.executionTimeoutSeconds();
    }

    /** Where the value comes from: "set at web.config:9", "not set at web.config:9: ASP.NET's default", or unknown. */
    public static String origin(Collection<?> runtimes) {
        HttpRuntimeConfig r = applicationWide(runtimes);
        if (r == null) {
            return "ASP.NET's default; no httpRuntime of the application is in the case";
        }
        boolean assumed = r.defaults().stream().anyMatch(d -> d.startsWith("executionTimeout"));
        return assumed ? "not set in the httpRuntime at " + r.source() + ", so ASP.NET's default applies"
                : "set in the httpRuntime at " + r.source();
    }

    /**
     * Whether the requests of a status count could not have overlapped much: the time between the first and the last
     * is at least (count - 1) times the longest of them. Requests stuck behind one another (a lock, a hung back end)
     * pile up within one timeout; a page that is simply too long for its input fails one request at a time.
     */
    public static boolean oneAtATime(IisStatusCount c) {
        if (c.count() < 2 || c.firstSeen() == null || c.lastSeen() == null || c.timeTaken() == null || c.timeTaken().max() <= 0) {
            return false;
        }
        return Duration.between(c.firstSeen(), c.lastSeen()).toMillis() >= (c.count() - 1) * c.timeTaken().max();
    }

    /** "110,315-124,561 ms". */
    public static String range(IisStatusCount c) {
        return String.format(Locale.ROOT, "%,d-%,d ms", c.timeTaken().min(), c.timeTaken().max());
    }

    /**
     * The {@code <location path>} of a request path in its application's web.config: the path below the application's
     * virtual path, without the leading '/' ("/Reports/Export.aspx" in "/" is "Reports/Export.aspx").
     */
    public static String locationPath(String requestPath, String applicationVirtualPath) {
        String path = requestPath == null ? "" : requestPath.strip();
        String app = applicationVirtualPath == null ? "" : applicationVirtualPath.strip();
        if (!app.isEmpty() && !app.equals("/") && path.toLowerCase(Locale.ROOT).startsWith(app.toLowerCase(Locale.ROOT) + "/")) {
            path = path.substring(app.length());
        }
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        return path;
    }
}
