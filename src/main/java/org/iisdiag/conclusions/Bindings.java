package org.iisdiag.conclusions;

import java.util.Collection;
import java.util.TreeSet;

import org.iisdiag.facts.SiteDefinition;

/** Host names of site bindings ("https/*:443:hr.contoso.local" gives "hr.contoso.local"). */
public final class Bindings {
    private Bindings() {
    }

    /** The host names the sites' bindings name, sorted and comma-separated; "" when none names one. */
    public static String hostNames(Collection<?> sites) {
        TreeSet<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Object o : sites) {
            if (o instanceof SiteDefinition s) {
                for (String b : s.bindings()) {
                    int slash = b.indexOf('/');
                    String info = slash < 0 ? b : b.substring(slash + 1);
                    String[] parts = info.split(":", -1);
                    // ip:port:host; an IPv6 address is in brackets, so the host is the part after the last colon
                    String host = parts.length >= 3 ? parts[parts.length - 1].strip() : "";
                    if (!host.isEmpty() && host.matches("[A-Za-z0-9*][A-Za-z0-9.*-]{0,252}")) {
                        out.add(host);
                    }
                }
            }
        }
        return String.join(", ", out);
    }

    /** The first of {@link #hostNames}, or "". */
    public static String firstHostName(Collection<?> sites) {
        String all = hostNames(sites);
        int comma = all.indexOf(',');
        return comma < 0 ? all : all.substring(0, comma);
    }
}
