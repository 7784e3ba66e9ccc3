package org.iisdiag.facts;

import java.util.List;

/**
 * A site of applicationHost.config ({@code system.applicationHost/sites/site}): its id (the n of
 * W3SVC&lt;n&gt;, -1 when missing), name, bindings as "protocol/bindingInformation" (e.g.
 * "https/*:443:shop.contoso.com"), IIS log folder and Failed Request Tracing logging
 * ({@code traceFailedRequestsLogging}). Values not on the site come from {@code siteDefaults}, else the
 * IIS defaults (log directory %SystemDrive%\inetpub\logs\LogFiles, FREB disabled, directory
 * %SystemDrive%\inetpub\logs\FailedReqLogFiles, maxLogFiles 50, serverAutoStart true).
 */
public record SiteDefinition(long id, String name, List<String> bindings, String logDirectory, boolean frebEnabled,
                             String frebDirectory, long frebMaxLogFiles, boolean serverAutoStart,
                             String configFile, List<String> defaults, String source) implements ConfigFact {

    /** The label the IIS log uses for this site, e.g. "W3SVC1". */
    public String logLabel() {
        return "W3SVC" + id;
    }

    @Override
    public String describe() {
        return "site " + id + " \"" + name + "\" bindings " + String.join(", ", bindings) + ", logs in " + logDirectory
                + ", Failed Request Tracing " + (frebEnabled ? "enabled (" + frebDirectory + ", maxLogFiles " + frebMaxLogFiles + ")"
                : "disabled") + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
