package org.iisdiag.facts;

import java.util.List;

/**
 * One entry of {@code requestFiltering/filteringRules} at one configuration level: a {@code <filteringRule>}
 * with what it scans (URL, query string, raw headers, listed headers), the extensions it is limited to
 * ({@code appliesTo}; empty: every request) and its {@code denyStrings}; or a {@code <remove name>} of an
 * inherited rule ({@code removed}), or a {@code <clear/>} of them all ({@code removed} with an empty name).
 * A request that matches a rule is refused with 404.19 (Denied by filtering rule) before any handler runs.
 * {@code level} orders the levels as IIS merges them (as {@link RequestFilteringList#level}).
 */
public record FilteringRuleConfig(String name, boolean removed, boolean scanUrl, boolean scanQueryString,
                                  boolean scanAllRaw, List<String> scanHeaders, List<String> appliesTo,
                                  List<String> denyStrings, int level, String configFile, String locationPath,
                                  String source)
        implements ConfigFact {

    public FilteringRuleConfig {
        scanHeaders = List.copyOf(scanHeaders);
        appliesTo = List.copyOf(appliesTo);
        denyStrings = List.copyOf(denyStrings);
    }

    @Override
    public List<String> defaults() {
        return List.of();
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("filteringRules");
        if (removed) {
            b.append(name.isEmpty() ? " <clear/>" : " removes '" + name + "'");
        } else {
            b.append(" rule '").append(name).append("'");
            if (scanUrl) {
                b.append(" scanUrl");
            }
            if (scanQueryString) {
                b.append(" scanQueryString");
            }
            if (scanAllRaw) {
                b.append(" scanAllRaw");
            }
            if (!scanHeaders.isEmpty()) {
                b.append(" scanHeaders ").append(String.join(" ", scanHeaders));
            }
            b.append(appliesTo.isEmpty() ? ", every extension" : ", appliesTo " + String.join(" ", appliesTo));
            b.append(", denyStrings ").append(String.join(" ", denyStrings.stream().map(s -> "'" + s + "'").toList()));
        }
        return b.append(ConfigFact.location(locationPath)).append(ConfigFact.where(List.of(), source)).toString();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
