package org.iisdiag.evidence.env;

import java.util.List;

/**
 * The shape of env.yaml: facts about the server that no log shows. Every key is optional; an unknown
 * key is rejected with its line (a typo must not silently turn a fact into "unknown"). A site's id is
 * required, checked by the reader so that one bad site does not cost the others.
 */
public record EnvFile(Server server, String applicationType, List<Site> sites, Reported reported, List<Change> changes) {

    public record Server(String name, String iisVersion, Boolean internetFacing, Boolean tracingInstalled) {
    }

    public record Site(Integer id, String name, String appPool, String applicationType) {
    }

    public record Reported(List<Integer> statusCodes, String description) {
    }

    /** Something changed on the server: when (ISO date-time, UTC unless it says otherwise), what kind, what. */
    public record Change(String when, String what, String description, String site, String appPool) {
    }
}
