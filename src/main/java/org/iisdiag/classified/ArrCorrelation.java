package org.iisdiag.classified;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.iisdiag.facts.FailedRequestTrace;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.ServerTraffic;
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

    /** The path of a health test URL ("http://shop/health.htm" is "/health.htm"), lower case; "" when it has none. */
    public static String healthCheckPath(String url) {
        try {
            String p = java.net.URI.create(url.strip()).getRawPath();
            return p == null || p.isEmpty() ? "" : path(p);
        } catch (IllegalArgumentException e) {
            return ""; // not a URL: nothing to compare
        }
    }

    /** Whether one of the URIs is the given path (query ignored, case-insensitive). */
    public static boolean hasPath(List<UriCount> uris, String path) {
        return !path.isEmpty() && uris.stream().anyMatch(u -> path(u.uri()).equals(path));
    }

    /**
     * What kind of refusal a member's answer to the health test is: "authentication" (401, 403: the test is
     * anonymous), "missing" (404) or "error" (anything else), which decides where its fix is.
     */
    public static String healthRefusal(int status) {
        return status == 401 || status == 403 ? "authentication" : status == 404 ? "missing" : "error";
    }

    private static String path(String uri) {
        int q = uri.indexOf('?');
        return (q < 0 ? uri : uri.substring(0, q)).toLowerCase(Locale.ROOT);
    }

    /**
     * The proxy timeout in force, in seconds: what the web farms set; without them, what the 502.3s' shortest
     * time-taken shows (ARR gives up when the timeout runs out, whatever the server-level proxy sets); else
     * ARR's default.
     */
    public static String timeoutSeconds(Collection<?> farms, IisStatusCount arr) {
        TreeSet<Long> values = new TreeSet<>();
        for (Object o : farms) {
            if (o instanceof WebFarmConfig f && f.timeoutSeconds() > 0) {
                values.add(f.timeoutSeconds());
            }
        }
        if (values.isEmpty()) {
            return arr.timeTaken().known() && arr.timeTaken().min() >= 1000 ? Long.toString(Math.round(arr.timeTaken().min() / 1000.0))
                    : Long.toString(WebFarmConfig.DEFAULT_TIMEOUT_SECONDS);
        }
        return String.join("/", values.stream().map(String::valueOf).toList());
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

    /** The path of a URI, without its query. */
    public static String pathOf(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    /** The back ends the traces routed to, else the farms' servers; "" when the case names none. */
    public static String routedTo(Collection<?> traces, Collection<?> farms) {
        TreeSet<String> s = new TreeSet<>();
        for (Object o : traces) {
            if (o instanceof FailedRequestTrace t && !t.backendServer().isEmpty()) {
                s.add(t.backendServer());
            }
        }
        return s.isEmpty() ? servers(farms) : String.join(", ", s);
    }

    /**
     * What the case shows of the back ends while ARR could not read their answers, as sentences: the other
     * servers' logs of the same hours (requests and 5xx) and the server a trace routed to; "" when neither.
     */
    public static String answeredText(Collection<?> backendTraffic, Collection<?> traces) {
        StringBuilder b = new StringBuilder();
        TreeSet<String> logs = new TreeSet<>();
        boolean errors = false;
        for (Object o : backendTraffic) {
            if (o instanceof ServerTraffic t) {
                logs.add(String.format(Locale.ROOT, "%s logged %,d requests (%,d 5xx)", t.server(), t.requests(), t.serverErrors()));
                errors |= t.serverErrors() > 0;
            }
        }
        if (!logs.isEmpty()) {
            b.append("In the same hours ").append(String.join("; ", logs)).append(errors
                    ? ": compare its entries at the failure times with ARR's."
                    : ": the back end answered, without a server error of its own, so ARR failed on what it sent, not on reaching it.");
        }
        String routed = backend(List.of(), traces);
        if (!routed.isEmpty()) {
            b.append(b.length() == 0 ? "" : " ").append("A trace shows ARR routed such a request to ").append(routed)
                    .append(" and received a response it could not parse.");
        }
        return b.toString();
    }

    /** The HRESULT a trace records for a WinHTTP error ARR logs as win32: 12029 is 0x80072efd. */
    public static String hresultOf(long win32) {
        return String.format(Locale.ROOT, "0x8007%04x", win32 & 0xFFFF);
    }

    /**
     * The one back end the traces of a connection failure were routed to (ARR_SERVER_ROUTED Server),
     * counting only the traces whose error is that failure's HRESULT; "" when they name none or several.
     */
    public static String onlyMember(Collection<?> traces, long win32) {
        String hresult = hresultOf(win32);
        TreeSet<String> s = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Object o : traces) {
            if (o instanceof FailedRequestTrace t && !t.backendServer().isEmpty() && t.errorCode().equalsIgnoreCase(hresult)) {
                s.add(t.backendServer());
            }
        }
        return s.size() == 1 ? s.first() : "";
    }

    /** The farm servers other than {@code member}, "a, b"; "" when the farms list no other. */
    public static String otherMembers(Collection<?> farms, String member) {
        TreeSet<String> s = new TreeSet<>();
        for (Object o : farms) {
            if (o instanceof WebFarmConfig f && f.servers().stream().anyMatch(a -> sameHost(a, member))) {
                f.servers().stream().filter(a -> !sameHost(a, member)).forEach(s::add);
            }
        }
        return String.join(", ", s);
    }

    /** The name of the farm that lists {@code member}, else every farm's. */
    public static String farmOf(Collection<?> farms, String member) {
        TreeSet<String> names = new TreeSet<>();
        for (Object o : farms) {
            if (o instanceof WebFarmConfig f && f.servers().stream().anyMatch(a -> sameHost(a, member))) {
                names.add(f.name());
            }
        }
        return names.isEmpty() ? farmName(farms) : String.join(", ", names);
    }

    /** The health test URL of the farm that lists {@code member}, "" when it has none. */
    public static String healthCheckUrl(Collection<?> farms, String member) {
        TreeSet<String> urls = new TreeSet<>();
        for (Object o : farms) {
            if (o instanceof WebFarmConfig f && !f.healthCheckUrl().isEmpty()
                    && f.servers().stream().anyMatch(a -> sameHost(a, member))) {
                urls.add(f.healthCheckUrl());
            }
        }
        return String.join(", ", urls);
    }

    /**
     * Whether a server name (a case folder, s-computername) and a farm address are the same host: equal, or
     * the same first label ("APP42" and "app42.fabrikam.local"), case-insensitive. IP addresses compare whole.
     */
    public static boolean sameHost(String a, String b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return false;
        }
        String x = a.strip().toLowerCase(Locale.ROOT);
        String y = b.strip().toLowerCase(Locale.ROOT);
        if (x.equals(y)) {
            return true;
        }
        if (x.matches("[0-9.]+") || y.matches("[0-9.]+") || x.contains(":") || y.contains(":")) {
            return false;
        }
        return firstLabel(x).equals(firstLabel(y));
    }

    private static String firstLabel(String host) {
        int dot = host.indexOf('.');
        return dot < 0 ? host : host.substring(0, dot);
    }

    /**
     * What the member's own IIS log says, as a sentence: it ends before ARR's first failure (the member
     * stopped serving), or it goes on (it serves, but not to ARR); "" without its log.
     */
    public static String memberLogText(Collection<?> traffic, String member, java.time.Instant failuresBegan) {
        for (Object o : traffic) {
            if (o instanceof ServerTraffic t && sameHost(t.server(), member) && t.lastSeen() != null) {
                if (failuresBegan != null && t.lastSeen().isBefore(failuresBegan)) {
                    return "Its own IIS log (" + t.server() + ") ends at " + t.lastSeen() + ", before ARR's first failure at "
                            + failuresBegan + ": it stopped serving then.";
                }
                return "Its own IIS log (" + t.server() + ") goes on until " + t.lastSeen()
                        + ": the server answers others, so look at what stands between ARR and it (binding, firewall).";
            }
        }
        return "";
    }

    /**
     * Whether worker-process crashes account for ARR's lost connections: the crashes fall in the window of
     * ARR's errors (a minute either side, both in UTC) and are at least half as many, so most of the
     * requests ARR lost were in flight in a worker that died. Unknown times never match.
     */
    public static boolean crashesMatch(org.iisdiag.facts.EventTimes crashes, long crashCount,
                                       org.iisdiag.facts.IisStatusCount arr) {
        java.time.Instant first = crashes == null ? null : crashes.firstUtc();
        java.time.Instant last = crashes == null ? null : crashes.lastUtc();
        if (first == null || last == null || arr.firstSeen() == null || arr.lastSeen() == null) {
            return false;
        }
        boolean overlap = !first.isAfter(arr.lastSeen().plusSeconds(60)) && !last.isBefore(arr.firstSeen().minusSeconds(60));
        return overlap && crashCount * 2 >= arr.count();
    }
}
