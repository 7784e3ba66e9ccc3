package org.iisdiag.evidence.config;

import org.iisdiag.evidence.ReadReport;

/**
 * Reads the web.config files of a case: ASP.NET Core Module settings ({@link org.iisdiag.facts.AspNetCoreConfig}),
 * httpErrors, ASP.NET customErrors/httpRuntime/compilation, request limits and Failed Request Tracing
 * rules, at the file's level and in each {@code <location>}.
 */
public final class WebConfigReader extends IisConfigReader {

    @Override
    void checkKind(String displayName, XmlElement configuration, ReadReport report) {
        if (configuration.child("system.applicationHost") != null) {
            report.note(displayName + ": has <system.applicationHost>, which only applicationHost.config may hold;"
                    + " its sites and application pools are read anyway");
        }
    }
}
