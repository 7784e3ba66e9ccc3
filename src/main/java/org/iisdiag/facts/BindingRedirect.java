package org.iisdiag.facts;

import java.util.List;

/**
 * A {@code runtime/assemblyBinding/dependentAssembly} of a web.config: the assembly ({@code assemblyIdentity name},
 * with its publicKeyToken, "" when not written) and the versions its {@code bindingRedirect} sends to another
 * ("0.0.0.0-12.0.0.0" to "12.0.0.0").
 */
public record BindingRedirect(String assembly, String publicKeyToken, String oldVersion, String newVersion,
                              String configFile, String locationPath, String source) implements ConfigFact {

    @Override
    public List<String> defaults() {
        return List.of();
    }

    @Override
    public String describe() {
        return "bindingRedirect of " + assembly + " from " + oldVersion + " to " + newVersion
                + ConfigFact.location(locationPath) + " (" + source + ")";
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
