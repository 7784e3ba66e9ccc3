package org.iisdiag.facts;

import java.util.List;

/** {@code system.webServer/directoryBrowse}: whether IIS lists a folder's files (default false). */
public record DirectoryBrowseConfig(boolean enabled, String configFile, String locationPath, List<String> defaults,
                                    String source) implements ConfigFact {
    @Override
    public String describe() {
        return "directoryBrowse enabled=" + enabled + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
