package org.iisdiag.facts;

import java.util.List;

/**
 * Application Request Routing's server-wide proxy switch, {@code system.webServer/proxy} in
 * applicationHost.config: {@code enabled} (false unless written, ARR's schema default). While it is off, ARR
 * routes nothing and a URL Rewrite rule that rewrites to another server finds no handler (404.4).
 */
public record ProxyConfig(boolean enabled, List<String> defaultsUsed, String configFile, String source)
        implements ConfigFact {

    public ProxyConfig {
        defaultsUsed = List.copyOf(defaultsUsed);
    }

    @Override
    public List<String> defaults() {
        return defaultsUsed;
    }

    @Override
    public String describe() {
        return "proxy enabled=\"" + enabled + "\" (Application Request Routing's server proxy is "
                + (enabled ? "on" : "off") + ")" + ConfigFact.where(defaultsUsed, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
