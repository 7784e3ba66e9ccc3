package org.iisdiag.facts;

import java.util.List;

/**
 * A configuration element that needs a native module by name: a handler mapping's {@code modules}
 * ({@code <add name="aspNetCore" modules="AspNetCoreModuleV2" .../>}) or a {@code <modules><add>}
 * without a managed {@code type}. {@code section} is the element that uses it: "handlers" or "modules";
 * {@code element} its name attribute.
 */
public record ModuleReference(String module, String section, String element, String configFile, String locationPath,
                              String source) implements ConfigFact {
    @Override
    public List<String> defaults() {
        return List.of();
    }

    @Override
    public String describe() {
        return "<" + section + "> entry \"" + element + "\" uses native module " + module
                + ConfigFact.location(locationPath) + ConfigFact.where(List.of(), source);
    }
}
