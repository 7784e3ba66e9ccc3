package org.iisdiag.facts;

import java.util.List;

/**
 * {@code system.webServer/httpErrors}: whether IIS shows detailed or custom error pages
 * ({@code errorMode} DetailedLocalOnly (default) | Custom | Detailed) and whether it replaces the
 * application's own error responses ({@code existingResponse} Auto (default) | Replace | PassThrough).
 * {@code executeUrlPages} lists the custom error pages IIS runs as a URL inside the failing request
 * ({@code responseMode="ExecuteURL"}, or the {@code defaultPath} under {@code defaultResponseMode="ExecuteURL"}),
 * each as "path (status)"; such a URL must belong to an application in the same pool as the request.
 */
public record HttpErrorsConfig(String errorMode, String existingResponse, List<String> executeUrlPages,
                               String configFile, String locationPath, List<String> defaults, String source)
        implements ConfigFact {

    public HttpErrorsConfig {
        executeUrlPages = executeUrlPages == null ? List.of() : List.copyOf(executeUrlPages);
    }

    /** Some custom error page is executed as a URL (ExecuteURL). */
    public boolean executesUrls() {
        return !executeUrlPages.isEmpty();
    }

    /** The ExecuteURL pages as one line, for a report. */
    public String executeUrlPagesText() {
        return String.join(", ", executeUrlPages);
    }

    /** errorMode="Detailed" sends detailed errors to remote clients too. */
    public boolean detailedToRemoteClients() {
        return "Detailed".equalsIgnoreCase(errorMode);
    }

    @Override
    public String describe() {
        return "httpErrors errorMode=" + errorMode + " existingResponse=" + existingResponse
                + (executeUrlPages.isEmpty() ? "" : " ExecuteURL pages " + executeUrlPagesText())
                + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
