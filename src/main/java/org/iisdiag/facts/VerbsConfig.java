package org.iisdiag.facts;

import java.util.List;

/**
 * {@code system.webServer/security/requestFiltering/verbs} at one level: whether verbs not listed are allowed
 * ({@code allowUnlisted}, true by default; {@code allowUnlistedSet} says whether this level writes it), the
 * verbs this level allows and denies (upper case), whether it starts with {@code <clear/>}, and the verbs it
 * removes from what it inherits. A verb request filtering refuses answers 404.6 (Verb Denied). {@code level}
 * orders the levels as IIS merges them (see {@link HandlerAccessPolicy}).
 */
public record VerbsConfig(boolean allowUnlisted, boolean allowUnlistedSet, List<String> allowed, List<String> denied,
                          boolean cleared, List<String> removed, int level, String configFile, String locationPath,
                          List<String> defaults, String source) implements RequestFilteringList {
    @Override
    public String describe() {
        return describeList("verbs");
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
