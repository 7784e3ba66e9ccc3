package org.iisdiag.facts;

import java.util.List;

/**
 * A handler mapping of system.webServer/handlers that runs an executable or DLL of its own: an ISAPI
 * extension (IsapiModule), a CGI or FastCGI program (CgiModule, FastCgiModule). {@code scriptProcessor} is
 * the path IIS loads or starts for every request the mapping serves (as written, environment variables
 * unexpanded); {@code path} the request path it maps ("*.php"); {@code modules} its module list. Mappings
 * without a scriptProcessor (managed handlers, the static file handler) are not read.
 */
public record HandlerMapping(String name, String path, String modules, String scriptProcessor, String configFile,
                             String locationPath, String source) implements ConfigFact {
    @Override
    public List<String> defaults() {
        return List.of();
    }

    @Override
    public String describe() {
        return "handler mapping \"" + name + "\" " + path + " -> " + modules + " " + scriptProcessor
                + ConfigFact.location(locationPath) + ConfigFact.where(List.of(), source);
    }
}
