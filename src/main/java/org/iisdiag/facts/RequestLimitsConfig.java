package org.iisdiag.facts;

import java.util.List;

/**
 * Request filtering limits ({@code system.webServer/security/requestFiltering/requestLimits}); IIS
 * defaults when not written: maxAllowedContentLength 30000000 bytes, maxUrl 4096, maxQueryString 2048.
 * A value that cannot be read is -1.
 */
public record RequestLimitsConfig(long maxAllowedContentLength, long maxUrl, long maxQueryString,
                                  String configFile, String locationPath, List<String> defaults, String source)
        implements ConfigFact {
    public static final long DEFAULT_MAX_ALLOWED_CONTENT_LENGTH = 30_000_000L;
    public static final long DEFAULT_MAX_URL = 4096;
    public static final long DEFAULT_MAX_QUERY_STRING = 2048;

    /**
     * The maxAllowedContentLength an application runs with when the case holds these request-limit levels: the
     * one level written for the application itself (no {@code <location>}, or path "."), IIS's default when the
     * case holds none, and {@link Long#MAX_VALUE} (no telling) for several levels or one for another path.
     */
    public static long allowedContentLength(List<?> levels) {
        if (levels.isEmpty()) {
            return DEFAULT_MAX_ALLOWED_CONTENT_LENGTH;
        }
        if (levels.size() == 1 && levels.get(0) instanceof RequestLimitsConfig l
                && (l.locationPath().isEmpty() || l.locationPath().equals(".")) && l.maxAllowedContentLength() >= 0) {
            return l.maxAllowedContentLength();
        }
        return Long.MAX_VALUE;
    }

    @Override
    public String describe() {
        return "requestLimits maxAllowedContentLength=" + maxAllowedContentLength + " maxUrl=" + maxUrl
                + " maxQueryString=" + maxQueryString + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
