package org.iisdiag.conclusions;

import java.util.Collection;
import java.util.TreeSet;

import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.ServerTraffic;

/** Text the fleet rules put into conclusions. */
public final class Fleet {
    private Fleet() {
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
