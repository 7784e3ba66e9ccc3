package org.iisdiag.facts;

import java.util.List;

/**
 * {@code system.webServer/security/dynamicIpSecurity}: Dynamic IP Restrictions of a site or path. A client is
 * refused for a while when it has more than {@code maxConcurrentRequests} requests in progress (.501) or sends
 * more than {@code maxRequests} in {@code requestIntervalMs} (.502). The client is the connection's address
 * unless {@code enableProxyMode} makes the module count the X-Forwarded-For address instead.
 *
 * @param enableProxyMode       the attribute, false when absent (the IIS default)
 * @param denyAction            the attribute as written, "" when absent (Forbidden)
 * @param concurrentEnabled     denyByConcurrentRequests enabled
 * @param maxConcurrentRequests its limit, -1 when unreadable
 * @param rateEnabled           denyByRequestRate enabled
 * @param maxRequests           its limit, -1 when unreadable
 * @param requestIntervalMs     its interval in milliseconds, -1 when unreadable
 */
public record DynamicIpSecurityConfig(boolean enableProxyMode, String denyAction, boolean concurrentEnabled,
                                      long maxConcurrentRequests, boolean rateEnabled, long maxRequests,
                                      long requestIntervalMs, String configFile, String locationPath,
                                      List<String> defaults, String source) implements ConfigFact {

    /** "40 requests per 2000 ms, 20 concurrent requests" for the thresholds in force; "no threshold" when both are off. */
    public String thresholds() {
        String rate = rateEnabled ? maxRequests + " requests per " + requestIntervalMs + " ms" : "";
        String concurrent = concurrentEnabled ? maxConcurrentRequests + " concurrent requests" : "";
        String both = rate + (rate.isEmpty() || concurrent.isEmpty() ? "" : ", ") + concurrent;
        return both.isEmpty() ? "no threshold" : both;
    }

    @Override
    public String describe() {
        return "dynamicIpSecurity enableProxyMode=\"" + enableProxyMode + "\", " + thresholds()
                + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
