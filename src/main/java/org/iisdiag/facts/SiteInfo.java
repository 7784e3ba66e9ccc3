package org.iisdiag.facts;

/** A site declared in env.yaml: its id (W3SVC&lt;id&gt;), name, app pool and stack. */
public record SiteInfo(int id, String name, String appPool, ApplicationType applicationType) {
    /** The label the IIS log uses for this site, e.g. "W3SVC1". */
    public String logLabel() {
        return "W3SVC" + id;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
