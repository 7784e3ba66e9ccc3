package org.iisdiag.facts;

import java.util.List;

/**
 * A {@code <modules><remove name="..."/>} of one configuration level: the level takes that module out of the
 * pipeline of the URLs it applies to, as an application's web.config does with WebDAVModule so that its own
 * handler gets PUT and DELETE.
 */
public record RemovedModule(String module, String configFile, String locationPath, String source) implements ConfigFact {
    @Override
    public String describe() {
        return "<modules> removes " + module + ConfigFact.location(locationPath) + ConfigFact.where(List.of(), source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
