package org.iisdiag.facts;

import java.util.List;

/**
 * The native modules installed on the server: {@code system.webServer/globalModules} of
 * applicationHost.config, by name (e.g. AspNetCoreModuleV2, ApplicationRequestRouting, RewriteModule).
 * A module a web.config uses must be here, or IIS answers 500.19 (0x8007000d) or 500.21.
 */
public record GlobalModules(List<String> names, String configFile, String source) implements ConfigFact {

    public boolean has(String module) {
        return names.stream().anyMatch(n -> n.equalsIgnoreCase(module));
    }

    /**
     * The name of ASP.NET's native module as installed (ManagedEngineV4.0_64bit, ..._32bit, or ASP.NET 2.0's
     * ManagedEngine64 / ManagedEngine), "" when ASP.NET is not installed in IIS.
     */
    public String aspNetModule() {
        return ASPNET_MODULES.stream().filter(this::has).findFirst().orElse("");
    }

    private static final List<String> ASPNET_MODULES =
            List.of("ManagedEngineV4.0_64bit", "ManagedEngineV4.0_32bit", "ManagedEngine64", "ManagedEngine");

    @Override
    public List<String> defaults() {
        return List.of();
    }

    @Override
    public String describe() {
        return "globalModules: " + names.size() + " native modules installed (" + String.join(", ", names) + ")"
                + ConfigFact.where(List.of(), source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
