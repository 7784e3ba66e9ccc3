package org.iisdiag.facts;

import java.util.List;

/**
 * The configuration sections applicationHost.config locks for every site: declared with
 * {@code overrideModeDefault="Deny"} in its {@code configSections} (full paths such as
 * "system.webServer/security/authentication/windowsAuthentication"), less those its {@code <location path=""
 * overrideMode="Allow">} hands back. A web.config that sets one of them fails with 500.19 and 0x80070021.
 */
public record LockedSections(List<String> sections, String configFile, String source) implements ConfigFact {

    @Override
    public String locationPath() {
        return "";
    }

    @Override
    public List<String> defaults() {
        return List.of();
    }

    @Override
    public String describe() {
        return sections.size() + " sections locked for every site (overrideModeDefault=\"Deny\"), " + source;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
