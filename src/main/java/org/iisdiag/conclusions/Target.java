package org.iisdiag.conclusions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iisdiag.facts.RecordEquality;

/**
 * What a conclusion is about: a server, a site, an application, an application pool, resolved from every
 * source that names them (see {@code targets.TargetDirectory}). Parts that are not known are "" (site id
 * -1). Two conclusions about the same thing have equal targets, so they merge.
 *
 * @param server   the server the evidence came from, "" for a single-server case
 * @param siteId   the site's id (the n of W3SVC&lt;n&gt;), -1 when unknown
 * @param siteName the site's name as IIS knows it, "" when unknown
 * @param app      the application's virtual path ("/portal"), "" for the site as a whole or unknown
 * @param appPool  the application pool, "" when unknown
 */
public record Target(String server, long siteId, String siteName, String app, String appPool) {
    public static final Target CASE = new Target("", -1, "", "", "");

    /** The root application "/" is the site itself: one spelling, so conclusions about it merge. */
    public Target {
        app = "/".equals(app) ? "" : app;
    }

    /** How much of a target an action is about: its merge key takes only these parts. */
    public enum Scope {
        SERVER, SITE, APP, POOL;

        public static Scope fromKey(String key) {
            return valueOf(key.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** "W3SVC3", or "" when the site is not known. */
    public String siteLabel() {
        return siteId < 0 ? "" : "W3SVC" + siteId;
    }

    public boolean hasSite() {
        return siteId >= 0 || !siteName.isEmpty();
    }

    /** The same target on another server ("" for none). */
    public Target onServer(String name) {
        return new Target(name, siteId, siteName, app, appPool);
    }

    /** This target cut down to a scope, so that two actions about the same pool (say) merge. */
    public Target at(Scope scope) {
        return switch (scope) {
            case SERVER -> new Target(server, -1, "", "", "");
            case SITE -> new Target(server, siteId, siteName, "", hasSite() ? "" : appPool);
            case APP -> this;
            case POOL -> appPool.isEmpty() ? new Target(server, siteId, siteName, app, "")
                    : new Target(server, -1, "", "", appPool);
        };
    }

    /**
     * Whether knowledge about this target also holds for {@code other}: every part this target names
     * is the same in the other (a case-wide fact covers everything).
     */
    public boolean covers(Target other) {
        return (server.isEmpty() || server.equalsIgnoreCase(other.server))
                && (siteId < 0 || siteId == other.siteId)
                && (siteName.isEmpty() || siteName.equalsIgnoreCase(other.siteName))
                && (app.isEmpty() || app.equalsIgnoreCase(other.app))
                && (appPool.isEmpty() || appPool.equalsIgnoreCase(other.appPool));
    }

    /**
     * Whether the two may be about the same thing: no part that both name differs (one piece of evidence
     * may name the pool, the other the site).
     */
    public boolean agrees(Target other) {
        return (server.isEmpty() || other.server.isEmpty() || server.equalsIgnoreCase(other.server))
                && (siteId < 0 || other.siteId < 0 || siteId == other.siteId)
                && (siteName.isEmpty() || other.siteName.isEmpty() || siteName.equalsIgnoreCase(other.siteName))
                && (app.isEmpty() || other.app.isEmpty() || app.equalsIgnoreCase(other.app))
                && (appPool.isEmpty() || other.appPool.isEmpty() || appPool.equalsIgnoreCase(other.appPool));
    }

    /** A stable key for merging and sorting. */
    public String key() {
        return server + "|" + siteId + "|" + siteName + "|" + app + "|" + appPool;
    }

    /** "site Wingtip Shop (W3SVC1), application /api, pool ShopPool on server WEB02", or "the server". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (hasSite()) {
            String label = siteLabel();
            parts.add("site " + (siteName.isEmpty() ? label : siteName + (label.isEmpty() ? "" : " (" + label + ")")));
        }
        if (!app.isEmpty() && !"/".equals(app)) {
            parts.add("application " + app);
        }
        if (!appPool.isEmpty()) {
            parts.add("pool " + appPool);
        }
        String s = parts.isEmpty() ? "the server" : String.join(", ", parts);
        return server.isEmpty() ? s : s + " on server " + server;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
