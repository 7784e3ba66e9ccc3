package org.iisdiag.evidence.env;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The shape of env.yaml: facts about the server that no log shows. Every key is optional; an unknown
 * key is an error (a typo must not silently turn a fact into "unknown").
 */
public record EnvFile(Server server, String applicationType, List<Site> sites, Reported reported, List<Change> changes) {

    public record Server(String name, String iisVersion, Boolean internetFacing, Boolean tracingInstalled) {
    }

    public record Site(@JsonProperty(required = true) Integer id, String name, String appPool,
                       String applicationType) {
    }

    public record Reported(List<Integer> statusCodes, String description) {
    }

    /** Something changed on the server: when (ISO date-time, UTC unless it says otherwise), what kind, what. */
    public record Change(@JsonProperty(required = true) String when, @JsonProperty(required = true) String what,
                         String description, String site, String appPool) {
    }
}
