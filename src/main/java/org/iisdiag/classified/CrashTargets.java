package org.iisdiag.classified;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.iisdiag.conclusions.Target;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.UriCount;
import org.iisdiag.facts.WasEvent;
import org.iisdiag.targets.TargetDirectory;

/**
 * What crash evidence says about which pool crashed and on which request. A crash event names no pool;
 * the WAS events for the same crashes do. Every crash drops the requests in its queue: HTTP.sys logs
 * them as Connection_Abandoned_By_ReqQueue, so a path abandoned at (nearly) every crash is the request
 * that triggers it.
 */
public final class CrashTargets {
    private CrashTargets() {
    }

    /** The one pool the WAS crash events name, or "". */
    public static String pool(Collection<?> wasEvents) {
        TreeSet<String> pools = new TreeSet<>();
        for (Object o : wasEvents) {
            if (o instanceof WasEvent w && !w.appPool().isEmpty()) {
                pools.add(w.appPool());
            }
        }
        return pools.size() == 1 ? pools.first() : "";
    }

    /** The crashed pool's target, or the server's when the WAS events do not name one pool. */
    public static Target of(TargetDirectory targets, Collection<?> wasEvents) {
        String pool = pool(wasEvents);
        return pool.isEmpty() ? targets.server() : targets.pool(pool);
    }

    /**
     * The path abandoned at least as often as 80% of the crashes (and at least twice), the most
     * abandoned first; "" when no path stands out.
     */
    public static String urlAtEveryCrash(Collection<?> abandoned, long crashes) {
        Map<String, Long> byPath = new TreeMap<>();
        for (Object o : abandoned) {
            if (o instanceof HttpErrCount e) {
                for (UriCount u : e.topUris()) {
                    String p = u.uri();
                    int q = p.indexOf('?');
                    byPath.merge(q < 0 ? p : p.substring(0, q), u.count(), Long::sum);
                }
            }
        }
        String best = "";
        long bestCount = 0;
        for (Map.Entry<String, Long> e : byPath.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return bestCount >= 2 && bestCount * 10 >= crashes * 8 ? best : "";
    }

    /** A report of a w3wp.exe death: the runtime's 1026 or Windows Error Reporting's Application Error 1000. */
    public static boolean isWorkerCrash(Object event) {
        String app = event instanceof org.iisdiag.facts.DotNetRuntimeCrash d ? d.application()
                : event instanceof org.iisdiag.facts.ApplicationCrash a ? a.faultingApplication() : "";
        return app.toLowerCase(java.util.Locale.ROOT).contains("w3wp");
    }

    /**
     * Whether two crash events are reports of the same crashes: the .NET runtime writes 1026 and Windows
     * Error Reporting writes Application Error 1000 within seconds of each other for one process death.
     * Their time spans must overlap give or take ten seconds; unknown times never match.
     */
    public static boolean sameCrashes(org.iisdiag.facts.EventTimes a, org.iisdiag.facts.EventTimes b) {
        if (a == null || b == null || a.first() == null || b.first() == null) {
            return false;
        }
        return !a.first().minusSeconds(10).isAfter(b.last()) && !b.first().minusSeconds(10).isAfter(a.last());
    }
}
