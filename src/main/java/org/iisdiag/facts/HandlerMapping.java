package org.iisdiag.facts;

import java.util.List;

/**
 * A handler mapping of system.webServer/handlers that runs an executable or DLL of its own: an ISAPI
 * extension (IsapiModule), a CGI or FastCGI program (CgiModule, FastCgiModule). {@code scriptProcessor} is
 * the path IIS loads or starts for every request the mapping serves (as written, environment variables
 * unexpanded); {@code path} the request path it maps ("*.php"); {@code modules} its module list;
 * {@code preCondition} when the mapping applies ("classicMode,runtimeVersionv4.0,bitness64"; "" always).
 * Mappings without a scriptProcessor (managed handlers, the static file handler) are not read.
 */
public record HandlerMapping(String name, String path, String modules, String scriptProcessor, String preCondition,
                             String configFile, String locationPath, String source) implements ConfigFact {
    /** Whether the mapping runs a CGI program (CgiModule) rather than an ISAPI DLL. */
    public boolean cgi() {
        return modules.matches("(?i).*\\bCgiModule\\b.*");
    }

    /**
     * Whether the mapping's preCondition lets it serve a pool with this pipeline mode ("Integrated",
     * "Classic"), bitness (32-bit worker or not) and runtime ("v4.0", "" for No Managed Code).
     */
    public boolean appliesTo(String pipelineMode, boolean worker32, String runtime) {
        for (String c : preCondition.toLowerCase(java.util.Locale.ROOT).split("\\s*,\\s*")) {
            boolean refuses = switch (c.strip()) {
                case "classicmode" -> !pipelineMode.equalsIgnoreCase("Classic");
                case "integratedmode" -> pipelineMode.equalsIgnoreCase("Classic");
                case "bitness32" -> !worker32;
                case "bitness64" -> worker32;
                case "runtimeversionv2.0" -> !runtime.equalsIgnoreCase("v2.0");
                case "runtimeversionv4.0" -> !runtime.equalsIgnoreCase("v4.0");
                default -> false;
            };
            if (refuses) {
                return false;
            }
        }
        return true;
    }
    @Override
    public List<String> defaults() {
        return List.of();
    }

    @Override
    public String describe() {
        return "handler mapping \"" + name + "\" " + path + " -> " + modules + " " + scriptProcessor
                + ConfigFact.location(locationPath) + ConfigFact.where(List.of(), source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
