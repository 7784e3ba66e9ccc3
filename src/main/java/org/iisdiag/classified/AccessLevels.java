package org.iisdiag.classified;

import org.iisdiag.conclusions.ConfigLevels;
import org.iisdiag.facts.AccessConfig;
import org.iisdiag.facts.IisStatusCount;

/**
 * Which {@code system.webServer/security/access} level governs the URLs of an error: a
 * {@code <location path="Site/api">} covers /api and everything below it, a level without a location
 * (a site's web.config, applicationHost.config for the whole server) covers every URL of the sites it
 * applies to, and of the levels that cover a URL the deepest wins, as in IIS.
 */
public final class AccessLevels {
    private AccessLevels() {
    }

    /** The path (query dropped) of the most frequent request behind an IIS status count; "" when unknown. */
    public static String topPath(Object source) {
        if (source instanceof IisStatusCount c) {
            String uri = c.topUri();
            int q = uri.indexOf('?');
            return q < 0 ? uri : uri.substring(0, q);
        }
        return "";
    }

    /** The part of a level's location below its site ("Shop/api/v2" gives "/api/v2"); "/" for the site itself or no location. */
    public static String subPath(AccessConfig a) {
        String folder = ConfigLevels.folder(a);
        return folder.isEmpty() ? "/" : folder;
    }

    /** Whether the level applies to a URL path (an unknown path "" is covered by every level). */
    public static boolean covers(AccessConfig a, String path) {
        return path == null || path.isEmpty() || ConfigLevels.covers(a, path);
    }

    /** How deep the level sits: 0 for a site or server level, 1 for "Site/api", 2 for "Site/api/v2". */
    public static int depth(AccessConfig a) {
        String sub = subPath(a);
        return sub.equals("/") ? 0 : (int) sub.chars().filter(ch -> ch == '/').count();
    }

    /** Of levels that all cover one URL, the one IIS applies: the deepest (ties: the first in the list); null for none. */
    public static AccessConfig deepest(java.util.List<?> levels) {
        AccessConfig best = null;
        for (Object o : levels) {
            if (o instanceof AccessConfig a && (best == null || depth(a) > depth(best))) {
                best = a;
            }
        }
        return best;
    }

    /** The appcmd switch that writes the level where it is: " /commit:apphost" for applicationHost.config, else "". */
    public static String commit(AccessConfig a) {
        return a != null && ErrorPages.fileName(a.configFile()).equalsIgnoreCase("applicationHost.config") ? " /commit:apphost" : "";
    }

    /** Where to set the level with appcmd: its location path, else the site ("Shop/"). */
    public static String appcmdPath(AccessConfig a, String site) {
        String loc = a.locationPath().strip();
        return loc.isEmpty() || loc.equals(".") ? (site.isEmpty() ? "<site name>" : site) + "/" : loc;
    }
}
