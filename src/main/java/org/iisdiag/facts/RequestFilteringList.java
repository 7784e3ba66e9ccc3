package org.iisdiag.facts;

import java.util.List;

/**
 * One level of a request filtering list ({@code fileExtensions}, {@code verbs}): whether what it does not
 * list is allowed ({@code allowUnlisted}; {@code allowUnlistedSet} says whether this level writes it), the
 * entries it allows and denies, whether it starts with {@code <clear/>}, and the entries it removes from what
 * it inherits. {@code level} orders the levels as IIS merges them.
 */
public interface RequestFilteringList extends ConfigFact {
    boolean allowUnlisted();

    boolean allowUnlistedSet();

    List<String> allowed();

    List<String> denied();

    boolean cleared();

    List<String> removed();

    int level();

    /** "requestFiltering verbs allowUnlisted="false", denied TRACE ...": this level as configured. */
    default String describeList(String element) {
        return "requestFiltering " + element + " allowUnlisted=\"" + allowUnlisted() + "\""
                + (cleared() ? ", <clear/>" : "")
                + (allowed().isEmpty() ? "" : ", allowed " + String.join(" ", allowed()))
                + (denied().isEmpty() ? "" : ", denied " + String.join(" ", denied()))
                + (removed().isEmpty() ? "" : ", removed " + String.join(" ", removed()))
                + ConfigFact.location(locationPath()) + ConfigFact.where(defaults(), source());
    }
}
