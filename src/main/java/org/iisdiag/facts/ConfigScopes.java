package org.iisdiag.facts;

import java.util.Locale;

/**
 * Which configuration levels can apply to the same request. Outside any {@code <location>} (or at ".") a setting
 * applies to every path of its file; two {@code <location>}s meet only when one path is the other or lies under
 * it ("Intranet" and "Intranet/hr"; not "Intranet" and "Orders", another site). Case-insensitive, as IIS matches
 * site and application names. A class, not a static method of {@link ConfigFact}: the rules' compiled
 * constraints cannot call static interface methods.
 */
public final class ConfigScopes {
    private ConfigScopes() {
    }

    public static boolean samePath(ConfigFact a, ConfigFact b) {
        String x = scope(a.locationPath());
        String y = scope(b.locationPath());
        return x.isEmpty() || y.isEmpty() || x.equals(y) || x.startsWith(y + "/") || y.startsWith(x + "/");
    }

    private static String scope(String locationPath) {
        String p = locationPath.strip().replace('\\', '/').toLowerCase(Locale.ROOT).replaceAll("^/+|/+$", "");
        return p.equals(".") ? "" : p;
    }
}
