package org.iisdiag.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.ServerTraffic;

/** Each server's traffic, summed from the aggregated status counts (never per line). */
public final class ServerShares {
    private ServerShares() {
    }

    /** One {@link ServerTraffic} per named server, by name; none unless the case holds two or more servers. */
    public static List<ServerTraffic> of(List<IisStatusCount> counts) {
        Map<String, long[]> totals = new TreeMap<>();
        Map<String, Instant[]> spans = new TreeMap<>();
        for (IisStatusCount c : counts) {
            if (c.server().isEmpty()) {
                continue;
            }
            long[] t = totals.computeIfAbsent(c.server(), k -> new long[3]);
            t[0] += c.count();
            t[1] += c.statusClass() == 4 ? c.count() : 0;
            t[2] += c.statusClass() == 5 ? c.count() : 0;
            Instant[] span = spans.computeIfAbsent(c.server(), k -> new Instant[2]);
            span[0] = span[0] == null || c.firstSeen().isBefore(span[0]) ? c.firstSeen() : span[0];
            span[1] = span[1] == null || c.lastSeen().isAfter(span[1]) ? c.lastSeen() : span[1];
        }
        List<ServerTraffic> out = new ArrayList<>();
        if (totals.size() < 2) {
            return out;
        }
        totals.forEach((server, t) -> out.add(new ServerTraffic(server, t[0], t[1], t[2], spans.get(server)[0],
                spans.get(server)[1])));
        return out;
    }
}
