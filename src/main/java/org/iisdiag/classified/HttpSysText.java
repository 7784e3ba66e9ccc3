package org.iisdiag.classified;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

import org.iisdiag.conclusions.StatusCodes;
import org.iisdiag.facts.HarResponse;
import org.iisdiag.facts.UriCount;

/** Values the HTTP.sys rules put into their diagnoses. */
public final class HttpSysText {
    private HttpSysText() {
    }

    /** "RequestLength 4, FieldLength 2". */
    public static String reasons(Collection<?> rejections) {
        TreeMap<String, Long> by = new TreeMap<>();
        for (Object o : rejections) {
            if (o instanceof HttpSysRejection r) {
                by.merge(r.count().reason(), r.count().count(), Long::sum);
            }
        }
        List<String> out = new ArrayList<>();
        by.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(java.util.Map.Entry.comparingByKey())).forEach(e -> out.add(e.getKey() + " " + e.getValue()));
        return String.join(", ", out);
    }

    /** The text of the HTTP.sys error page a browser saved, "" when none. */
    public static String page(Collection<?> responses) {
        TreeSet<String> pages = new TreeSet<>();
        for (Object o : responses) {
            if (o instanceof HarResponse h && !h.httpSysBody().isEmpty()) {
                pages.add(h.httpSysBody());
            }
        }
        return pages.isEmpty() ? "" : pages.first();
    }

    /**
     * The client addresses that sent the rejected 400s, busiest first with their counts: "198.51.100.23 (14),
     * 198.51.100.24 (10)"; at most five, "" when the HTTPERR log kept none.
     */
    public static String clients(Collection<?> rejections) {
        TreeMap<String, Long> by = new TreeMap<>();
        for (Object o : rejections) {
            if (o instanceof HttpSysRejection r) {
                r.count().topClients().forEach(c -> by.merge(c.uri(), c.count(), Long::sum));
            }
        }
        List<String> out = new ArrayList<>();
        by.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(java.util.Map.Entry.comparingByKey())).limit(5)
                .forEach(e -> out.add(e.getKey() + " (" + e.getValue() + ")"));
        return String.join(", ", out);
    }

    /** The paths of the rejected requests. */
    public static String urls(Collection<?> rejections) {
        List<UriCount> all = new ArrayList<>();
        for (Object o : rejections) {
            if (o instanceof HttpSysRejection r) {
                all.addAll(r.count().topUris());
            }
        }
        return StatusCodes.paths(all);
    }
}
