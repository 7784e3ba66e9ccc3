package org.iisdiag.facts;

import java.util.List;

/**
 * A URL Rewrite rule (inbound {@code rules} or server {@code globalRules}) whose action is a
 * {@code Rewrite} to an absolute URL ({@code http://} or {@code https://}): URL Rewrite hands such a request to
 * Application Request Routing's proxy, so it only works where ARR is installed and its proxy enabled
 * ({@code system.webServer/proxy enabled="true"}). {@code targetHost} is the host of the target URL (a farm
 * name for ARR's own farm rules), without port or path; both may hold rule back-references ({R:1}).
 */
public record RewriteProxyRule(String ruleName, String targetUrl, String targetHost, boolean global,
                               String configFile, String locationPath, String source) implements ConfigFact {

    @Override
    public List<String> defaults() {
        return List.of();
    }

    @Override
    public String describe() {
        return (global ? "global " : "") + "rewrite rule \"" + ruleName + "\" rewrites to " + targetUrl
                + " (a reverse proxy to " + targetHost + ")" + ConfigFact.location(locationPath)
                + ConfigFact.where(List.of(), source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
