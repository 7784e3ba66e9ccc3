package org.iisdiag.facts;

import java.util.List;

/**
 * ASP.NET {@code system.web/httpRuntime}: {@code executionTimeoutSeconds} (110 when the element has no
 * executionTimeout, as ASP.NET assumes; -1 when unreadable), enforced only when
 * {@code compilation debug="false"}; {@code maxRequestLengthKb}, the largest request body ASP.NET
 * accepts, in kilobytes (4096 when not written; -1 when unreadable). Request filtering's
 * maxAllowedContentLength, in bytes, is a separate limit ({@link RequestLimitsConfig}).
 */
public record HttpRuntimeConfig(long executionTimeoutSeconds, long maxRequestLengthKb, String configFile,
                                String locationPath, List<String> defaults, String source) implements ConfigFact {
    public static final long DEFAULT_EXECUTION_TIMEOUT = 110;
    public static final long DEFAULT_MAX_REQUEST_LENGTH_KB = 4096;

    /** maxRequestLength in bytes, as request filtering counts (-1 when unreadable). */
    public long maxRequestLengthBytes() {
        return maxRequestLengthKb < 0 ? -1 : maxRequestLengthKb * 1024;
    }

    @Override
    public String describe() {
        return "httpRuntime executionTimeout=" + executionTimeoutSeconds + " s maxRequestLength=" + maxRequestLengthKb + " KB"
                + ConfigFact.location(locationPath)
                + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
