package org.iisdiag.facts;

import java.util.List;

/**
 * An ARR web farm of applicationHost.config ({@code webFarms/webFarm}): its servers' addresses, and the
 * proxy settings of its {@code applicationRequestRouting/protocol}: {@code timeoutSeconds} is how long
 * ARR waits for a back-end response (IIS default 30 s when not written, listed in {@code defaults}).
 */
public record WebFarmConfig(String name, boolean enabled, List<String> servers, long timeoutSeconds,
                            String healthCheckUrl, String configFile, List<String> defaults, String source)
        implements ConfigFact {
    public static final long DEFAULT_TIMEOUT_SECONDS = 30;

    @Override
    public String describe() {
        return "web farm " + name + (enabled ? "" : " (disabled)") + ": servers " + String.join(", ", servers)
                + ", protocol timeout " + timeoutSeconds + " s"
                + (healthCheckUrl.isEmpty() ? "" : ", health check " + healthCheckUrl) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
