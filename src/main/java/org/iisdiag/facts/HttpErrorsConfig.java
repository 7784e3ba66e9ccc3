package org.iisdiag.facts;

import java.util.List;

/**
 * {@code system.webServer/httpErrors}: whether IIS shows detailed or custom error pages
 * ({@code errorMode} DetailedLocalOnly (default) | Custom | Detailed) and whether it replaces the
 * application's own error responses ({@code existingResponse} Auto (default) | Replace | PassThrough).
 */
public record HttpErrorsConfig(String errorMode, String existingResponse,
                               String configFile, String locationPath, List<String> defaults, String source)
        implements ConfigFact {

    /** errorMode="Detailed" sends detailed errors to remote clients too. */
    public boolean detailedToRemoteClients() {
        return "Detailed".equalsIgnoreCase(errorMode);
    }

    @Override
    public String describe() {
        return "httpErrors errorMode=" + errorMode + " existingResponse=" + existingResponse
                + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }
}
