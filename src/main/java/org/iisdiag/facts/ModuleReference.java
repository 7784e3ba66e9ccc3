package org.iisdiag.facts;

import java.util.List;

/**
 * A configuration element that needs a native module by name: a handler mapping's {@code modules}
 * ({@code <add name="aspNetCore" modules="AspNetCoreModuleV2" .../>}) or a {@code <modules><add>}
 * without a managed {@code type}, or a section an optional product brings with its module
 * ({@code <rewrite>}: RewriteModule). {@code section} is the element that uses it: "handlers", "modules"
 * or the section's own name; {@code element} the entry's name attribute (the section's name).
 */
public record ModuleReference(String module, String section, String element, String configFile, String locationPath,
                              String source) implements ConfigFact {
    @Override
    public List<String> defaults() {
        return List.of();
    }

    /** Whether the module is needed by a whole section (URL Rewrite's rewrite) rather than by an entry. */
    public boolean bySection() {
        return !section.equals("handlers") && !section.equals("modules");
    }

    @Override
    public String describe() {
        return (bySection() ? "<" + section + "> section needs native module " + module
                : "<" + section + "> entry \"" + element + "\" uses native module " + module)
                + ConfigFact.location(locationPath) + ConfigFact.where(List.of(), source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
