package org.iisdiag.conclusions;

import java.util.Collection;
import java.util.TreeSet;

import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.ServerTraffic;

/** Text the fleet rules put into conclusions. */
public final class Fleet {
    private Fleet() {
    }

    /** Whether errors from {@code first} to {@code last} are an episode: shorter than half the log's span. */
    public static boolean episode(java.time.Instant first, java.time.Instant last, org.iisdiag.facts.IisLogWindow log) {
        long span = java.time.Duration.between(log.first(), log.last()).getSeconds();
        return span > 0 && java.time.Duration.between(first, last).getSeconds() * 2 < span;
    }

    /** The servers of some traffic or counts, by name: "WEB01, WEB02, WEB04". */
    public static String names(Collection<?> facts) {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Object o : facts) {
            if (o instanceof ServerTraffic t) {
                names.add(t.server());
            } else if (o instanceof IisStatusCount c && !c.server().isEmpty()) {
                names.add(c.server());
            }
        }
        return String.join(", ", names);
    }
}
