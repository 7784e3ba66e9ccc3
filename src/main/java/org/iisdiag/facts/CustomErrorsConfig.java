package org.iisdiag.facts;

import java.util.List;

/** ASP.NET {@code system.web/customErrors}: {@code mode} On | Off | RemoteOnly (default). */
public record CustomErrorsConfig(String mode, String configFile, String locationPath, List<String> defaults,
                                 String source) implements ConfigFact {

    /** mode="Off" shows the ASP.NET error page with its details to every client. */
    public boolean off() {
        return "Off".equalsIgnoreCase(mode);
    }

    @Override
    public String describe() {
        return "customErrors mode=" + mode + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
