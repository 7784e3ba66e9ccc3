package org.iisdiag.facts;

import java.util.List;

/**
 * WCF's hosting settings of a configuration level ({@code system.serviceModel/serviceHostingEnvironment}):
 * whether a service may take one base address per IIS binding ({@code multipleSiteBindingsEnabled}, false when
 * not written, WCF's default) and the {@code baseAddressPrefixFilters} that pick one base address per scheme
 * (their prefixes, in order). Without either, a service in a site with two bindings of one scheme (two host
 * names on http) cannot be activated.
 */
public record WcfHostingConfig(boolean multipleSiteBindingsEnabled, List<String> baseAddressPrefixFilters,
                               String configFile, String locationPath, List<String> defaults, String source)
        implements ConfigFact {

    /** Whether this level lets a service run in a site with several bindings of one scheme. */
    public boolean allowsSeveralBindings() {
        return multipleSiteBindingsEnabled || !baseAddressPrefixFilters.isEmpty();
    }

    @Override
    public String describe() {
        return "WCF serviceHostingEnvironment multipleSiteBindingsEnabled=" + multipleSiteBindingsEnabled
                + (baseAddressPrefixFilters.isEmpty() ? ", no baseAddressPrefixFilters"
                        : ", baseAddressPrefixFilters " + String.join(", ", baseAddressPrefixFilters))
                + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
