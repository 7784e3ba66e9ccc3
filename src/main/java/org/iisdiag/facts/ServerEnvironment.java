package org.iisdiag.facts;

/**
 * Facts about the server that no log shows, from env.yaml. Always inserted (all UNKNOWN when the case
 * has no env.yaml) so rules can test "exposure unknown" explicitly.
 */
public record ServerEnvironment(String serverName, String iisVersion, ApplicationType applicationType,
                                Tristate internetFacing, Tristate tracingInstalled) {

    public static ServerEnvironment unknown() {
        return new ServerEnvironment("", "", ApplicationType.UNKNOWN, Tristate.UNKNOWN, Tristate.UNKNOWN);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
