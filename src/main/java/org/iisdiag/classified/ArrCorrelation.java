package org.iisdiag.classified;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.iisdiag.facts.FailedRequestTrace;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.UriCount;
import org.iisdiag.facts.WebFarmConfig;

/**
 * Reads an ARR front end's evidence next to its back ends': which back-end log entries are the same
 * requests (the same paths), how long the back end took, and the farm's proxy timeout.
 */
public final class ArrCorrelation {
    private ArrCorrelation() {
    }

    /** Whether the two URI lists share a path (query ignored, case-insensitive). */
    public static boolean sameUrls(List<UriCount> a, List<UriCount> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        TreeSet<String> paths = new TreeSet<>();
        for (UriCount u : b) {
            paths.add(path(u.uri()));
        }
        return a.stream().anyMatch(u -> paths.contains(path(u.uri())));
    }

    private static String path(String uri) {
        int q = uri.indexOf('?');
        return (q < 0 ? uri : uri.substring(0, q)).toLowerCase(Locale.ROOT);
    }

    /** The proxy timeout of the farms, "30" when none is configured (ARR's default). */
    public static String timeoutSeconds(Collection<?> farms) {
        TreeSet<Long> values = new TreeSet<>();
        for (Object o : farms) {
            if (o instanceof WebFarmConfig f && f.timeoutSeconds() > 0) {
                values.add(f.timeoutSeconds());
            }
        }
        return values.isEmpty() ? Long.toString(WebFarmConfig.DEFAULT_TIMEOUT_SECONDS)
                : String.join("/", values.stream().map(String::valueOf).toList());
    }

    public static String farmName(Collection<?> farms) {
        TreeSet<String> names = new TreeSet<>();
        for (Object o : farms) {
            if (o instanceof WebFarmConfig f) {
                names.add(f.name());
            }
        }
        return String.join(", ", names);
    }

    public static String servers(Collection<?> farms) {
        TreeSet<String> s = new TreeSet<>();
        for (Object o : farms) {
            if (o instanceof WebFarmConfig f) {
                s.addAll(f.servers());
            }
        }
        return String.join(", ", s);
    }

    /** The back end that answered: the server of its log, else the one a trace routed to. */
    public static String backend(Collection<?> backendCounts, Collection<?> traces) {
        TreeSet<String> s = new TreeSet<>();
        for (Object o : backendCounts) {
            if (o instanceof IisStatusCount c && !c.server().isEmpty()) {
                s.add(c.server());
            }
        }
        if (s.isEmpty()) {
            for (Object o : traces) {
                if (o instanceof FailedRequestTrace t && !t.backendServer().isEmpty()) {
                    s.add(t.backendServer());
                }
            }
        }
        return String.join(", ", s);
    }

    /** "43,870-51,276 ms" over the back end's entries, "" when none. */
    public static String backendTime(Collection<?> backendCounts) {
        long min = Long.MAX_VALUE;
        long max = -1;
        for (Object o : backendCounts) {
            if (o instanceof IisStatusCount c && c.timeTaken().known()) {
                min = Math.min(min, c.timeTaken().min());
                max = Math.max(max, c.timeTaken().max());
            }
        }
        if (max < 0) {
            return "";
        }
        return min == max ? String.format(Locale.ROOT, "%,d ms", max) : String.format(Locale.ROOT, "%,d-%,d ms", min, max);
    }

    /**
     * What the back end's evidence says about the requests ARR gave up on, as a sentence for the
     * diagnosis; "" when the case has neither its log nor a trace naming it.
     */
    public static String story(Collection<?> backendCounts, Collection<?> traces) {
        String backend = backend(backendCounts, traces);
        if (backend.isEmpty()) {
            return "";
        }
        String time = backendTime(backendCounts);
        if (time.isEmpty()) {
            return "A trace shows ARR routed the request to " + backend + ".";
        }
        boolean hungUp = backendCounts.stream().anyMatch(o -> o instanceof IisStatusCount c && c.win32() == 64);
        return "The back end " + backend + " logged the same requests as " + backendAnswer(backendCounts) + " after "
                + time + (hungUp ? " (win32 64, ERROR_NETNAME_DELETED: ARR had already closed the connection)" : "")
                + ": it answered, only later than ARR waits.";
    }

    /** "200 (win32 64)" for the back end's answers, "" when none. */
    public static String backendAnswer(Collection<?> backendCounts) {
        TreeSet<String> s = new TreeSet<>();
        for (Object o : backendCounts) {
            if (o instanceof IisStatusCount c) {
                s.add(c.code() + " (win32 " + c.win32() + ")");
            }
        }
        return String.join(", ", s);
    }
}
