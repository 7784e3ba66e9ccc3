package org.iisdiag.facts;

import java.util.List;

/**
 * {@code system.webServer/security/requestFiltering/fileExtensions} at one level: whether extensions not
 * listed are allowed ({@code allowUnlisted}, true by default; {@code allowUnlistedSet} says whether this
 * level writes it), the extensions this level allows and denies, whether it starts with {@code <clear/>},
 * and the extensions it removes from what it inherits. An extension request filtering refuses answers 404.7.
 * {@code level} orders the levels as IIS merges them (see {@link HandlerAccessPolicy}).
 */
public record FileExtensionsConfig(boolean allowUnlisted, boolean allowUnlistedSet, List<String> allowed,
                                   List<String> denied, boolean cleared, List<String> removed, int level,
                                   String configFile, String locationPath, List<String> defaults, String source)
        implements RequestFilteringList {
    @Override
    public String describe() {
        return describeList("fileExtensions");
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
