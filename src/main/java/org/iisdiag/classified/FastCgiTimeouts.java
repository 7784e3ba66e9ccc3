package org.iisdiag.classified;

import java.util.List;
import java.util.Locale;

import org.iisdiag.facts.FastCgiApplication;
import org.iisdiag.facts.TimeTakenRange;
import org.iisdiag.facts.UriCount;

/**
 * Which of IIS's two FastCGI time limits ended requests that the IIS log shows as 500 0 258 (WAIT_TIMEOUT):
 * the failures' time-taken sits at the limit that fired. activityTimeout is a lowest maximum that IIS checks
 * periodically and may overshoot under load, so a limit fits from half a second below it to a little above.
 */
public final class FastCgiTimeouts {
    private FastCgiTimeouts() {
    }

    public static final String ACTIVITY = "activityTimeout";
    public static final String REQUEST = "requestTimeout";

    /** "activityTimeout" or "requestTimeout", the limit every failure's time-taken fits; "" for none or both. */
    public static String limitReached(FastCgiApplication app, TimeTakenRange taken) {
        return app == null ? "" : limitReached(app.activityTimeout(), app.requestTimeout(), taken);
    }

    /** {@link #limitReached} for an application left at IIS's defaults (30 s and 90 s). */
    public static String defaultLimitReached(TimeTakenRange taken) {
        return limitReached(FastCgiApplication.DEFAULT_ACTIVITY_TIMEOUT, FastCgiApplication.DEFAULT_REQUEST_TIMEOUT, taken);
    }

    /** The default value of a limit {@link #defaultLimitReached} named, in seconds. */
    public static long defaultSeconds(String limit) {
        return limit.equals(ACTIVITY) ? FastCgiApplication.DEFAULT_ACTIVITY_TIMEOUT : FastCgiApplication.DEFAULT_REQUEST_TIMEOUT;
    }

    private static String limitReached(long activitySeconds, long requestSeconds, TimeTakenRange taken) {
        if (!taken.known()) {
            return "";
        }
        boolean activity = fits(activitySeconds, taken);
        boolean request = fits(requestSeconds, taken);
        return activity == request ? "" : activity ? ACTIVITY : REQUEST;
    }

    /** "The failures took 30,047-31,208 ms (time-taken), where IIS ends a request after 30 s (why that value)". */
    public static String basis(TimeTakenRange taken, long seconds, String whyThatValue) {
        return "The failures took " + taken.describe() + " (time-taken), where IIS ends a request after " + seconds + " s ("
                + whyThatValue + ")";
    }

    private static boolean fits(long seconds, TimeTakenRange taken) {
        long ms = seconds * 1000;
        return seconds > 0 && taken.min() >= ms - 500 && taken.max() <= ms + Math.max(5000, ms / 5);
    }

    /** The limit's value in seconds, for the limit {@link #limitReached} named. */
    public static long seconds(FastCgiApplication app, String limit) {
        return limit.equals(ACTIVITY) ? app.activityTimeout() : app.requestTimeout();
    }

    /** Whether a handler mapping's path ("*.php", "*", "index.php") maps at least one of the URLs. */
    public static boolean mapsAny(String path, List<UriCount> uris) {
        String p = path.strip().toLowerCase(Locale.ROOT);
        for (UriCount u : uris) {
            String uri = u.uri().toLowerCase(Locale.ROOT);
            String name = uri.substring(uri.lastIndexOf('/') + 1);
            if (p.equals("*") || (p.startsWith("*") && uri.endsWith(p.substring(1))) || name.equals(p)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The appcmd collection key of the application (single-quoted values as appcmd takes them inside a
     * double-quoted argument), or a placeholder for the executable when no application was read.
     */
    public static String key(FastCgiApplication app, String executable) {
        if (app == null) {
            return "fullPath='" + (executable.isEmpty() ? "<path to the executable>" : executable) + "'";
        }
        return "fullPath='" + app.fullPath() + "'" + (app.arguments().isEmpty() ? "" : ",arguments='" + app.arguments() + "'");
    }

    /**
     * The time limit of the program itself, which should stay below IIS's so that the program reports its own
     * timeout; without quotes, since steps paste it next to commands.
     */
    public static String scriptLimit(String executable) {
        return executable.toLowerCase(Locale.ROOT).contains("php")
                ? "PHP max_execution_time (php.ini)" : "the time limit of the application itself";
    }
}
