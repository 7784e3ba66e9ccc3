package org.iisdiag.facts;

import java.util.List;

/**
 * An application of a site in applicationHost.config: its virtual {@code path} ("/" for the root), the
 * application pool that runs it (from the application, else the site's or the sites'
 * {@code applicationDefaults}, else DefaultAppPool) and the physical path of its root virtual directory
 * ("" when it has none), environment variables left unexpanded.
 */
public record ApplicationDefinition(String siteName, long siteId, String path, String appPool, String physicalPath,
                                    String configFile, List<String> defaults, String source) implements ConfigFact {

    @Override
    public String describe() {
        return "application " + siteName + path + " in pool " + appPool
                + (physicalPath.isEmpty() ? "" : " at " + physicalPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
