package org.iisdiag.evidence.config;

import org.iisdiag.evidence.ReadReport;

/**
 * Reads applicationHost.config: sites ({@link org.iisdiag.facts.SiteDefinition}), applications
 * ({@link org.iisdiag.facts.ApplicationDefinition}) and application pools
 * ({@link org.iisdiag.facts.AppPoolDefinition}) with {@code siteDefaults}, {@code applicationDefaults}
 * and {@code applicationPoolDefaults} applied, plus the same system.webServer sections a web.config can
 * hold (server-wide and per {@code <location path="Site/app">}).
 */
public final class ApplicationHostConfigReader extends IisConfigReader {

    @Override
    void checkKind(String displayName, XmlElement configuration, ReadReport report) {
        if (configuration.child("system.applicationHost") == null) {
            report.note(displayName + ": no <system.applicationHost> section, so no sites or application pools");
        }
    }
}
