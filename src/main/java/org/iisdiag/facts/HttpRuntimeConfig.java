package org.iisdiag.facts;

import java.util.List;

/**
 * ASP.NET {@code system.web/httpRuntime}: {@code executionTimeoutSeconds} (110 when the element has no
 * executionTimeout, as ASP.NET assumes; -1 when unreadable). ASP.NET enforces it only when
 * {@code compilation debug="false"}.
 */
public record HttpRuntimeConfig(long executionTimeoutSeconds, String configFile, String locationPath,
                                List<String> defaults, String source) implements ConfigFact {
    public static final long DEFAULT_EXECUTION_TIMEOUT = 110;

    @Override
    public String describe() {
        return "httpRuntime executionTimeout=" + executionTimeoutSeconds + " s" + ConfigFact.location(locationPath)
                + ConfigFact.where(defaults, source);
    }
}
