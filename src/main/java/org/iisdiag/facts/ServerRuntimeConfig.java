package org.iisdiag.facts;

import java.util.List;

/**
 * {@code system.webServer/serverRuntime} of applicationHost.config: {@code appConcurrentRequestLimit},
 * the number of requests IIS lets execute at once before it answers 503.2 (5000 when not written; -1
 * when unreadable). A section IIS only reads at the server level (and in {@code <location>} tags of
 * applicationHost.config), so a web.config never sets it.
 */
public record ServerRuntimeConfig(long appConcurrentRequestLimit, String configFile, String locationPath,
                                  List<String> defaults, String source) implements ConfigFact {
    public static final long DEFAULT_APP_CONCURRENT_REQUEST_LIMIT = 5000;

    @Override
    public String describe() {
        return "serverRuntime appConcurrentRequestLimit=" + appConcurrentRequestLimit + ConfigFact.location(locationPath)
                + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
