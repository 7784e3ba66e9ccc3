package org.iisdiag.facts;

import java.util.List;

/**
 * Classic ASP's {@code system.webServer/asp/limits} as one {@code <asp>} section of a configuration level writes it:
 * {@code bufferingLimitBytes}, the most a buffered ASP response may hold before ASP stops the page with ASP 0251
 * "Response Buffer Limit Exceeded" (4,194,304 bytes, 4 MB, when not written; -1 when unreadable). Read only where
 * the configuration has an {@code <asp>} element, so a level that says nothing about ASP gives no fact.
 */
public record AspLimitsConfig(long bufferingLimitBytes, String configFile, String locationPath, List<String> defaults,
                              String source) implements ConfigFact {
    public static final long DEFAULT_BUFFERING_LIMIT = 4_194_304;

    @Override
    public String describe() {
        return "asp limits bufferingLimit=" + bufferingLimitBytes + " bytes" + ConfigFact.location(locationPath)
                + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
