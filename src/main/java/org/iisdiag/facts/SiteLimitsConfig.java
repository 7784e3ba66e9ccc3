package org.iisdiag.facts;

import java.util.List;

/**
 * The connection limits of a site of applicationHost.config ({@code system.applicationHost/sites/site/limits}):
 * {@code maxConnections}, the simultaneous connections HTTP.sys accepts for the site before it answers 503
 * ConnLimit, and {@code connectionTimeout} in seconds, how long an idle (keep-alive) connection is kept.
 * Values not on the site come from {@code siteDefaults/limits}, else the IIS defaults (4294967295, i.e.
 * unlimited, and 120 s); a value that cannot be read is -1.
 */
public record SiteLimitsConfig(long siteId, String siteName, long maxConnections, long connectionTimeoutSeconds,
                               String configFile, List<String> defaults, String source) implements ConfigFact {
    public static final long UNLIMITED_CONNECTIONS = 4_294_967_295L;
    public static final long DEFAULT_CONNECTION_TIMEOUT = 120;

    /** The label the IIS log uses for this site, e.g. "W3SVC2". */
    public String logLabel() {
        return "W3SVC" + siteId;
    }

    /** Whether the site has a connection limit at all (a value below the "unlimited" default). */
    public boolean limited() {
        return maxConnections >= 0 && maxConnections < UNLIMITED_CONNECTIONS;
    }

    @Override
    public String describe() {
        return "site " + siteId + " \"" + siteName + "\" limits maxConnections=" + maxConnections
                + " connectionTimeout=" + connectionTimeoutSeconds + " s" + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
