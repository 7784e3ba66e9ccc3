package org.iisdiag.evidence.env;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The shape of env.yaml: facts about the server that no log shows. Every key is optional; an unknown
 * key is an error (a typo must not silently turn a fact into "unknown").
 */
public record EnvFile(Server server, String applicationType, List<Site> sites, Reported reported) {

    public record Server(String name, String iisVersion, Boolean internetFacing, Boolean tracingInstalled) {
    }

    public record Site(@JsonProperty(required = true) Integer id, String name, String appPool,
                       String applicationType) {
    }

    public record Reported(List<Integer> statusCodes, String description) {
    }
}
