package org.iisdiag.evidence.env;

import java.util.List;

import org.iisdiag.facts.ReportedSymptom;
import org.iisdiag.facts.ServerChange;
import org.iisdiag.facts.ServerEnvironment;
import org.iisdiag.facts.SiteInfo;

/** The environment facts read from env.yaml (or all unknown when there is none). */
public record EnvFacts(ServerEnvironment server, List<SiteInfo> sites, List<ReportedSymptom> reported,
                       String description, List<ServerChange> changes) {

    public static EnvFacts unknown() {
        return new EnvFacts(ServerEnvironment.unknown(), List.of(), List.of(), "", List.of());
    }

    /** All facts to insert into the session. */
    public List<Object> facts() {
        java.util.ArrayList<Object> all = new java.util.ArrayList<>();
        all.add(server);
        all.addAll(sites);
        all.addAll(reported);
        all.addAll(changes);
        ReportedCpu.in(description).ifPresent(all::add);
        if (description != null && !description.isBlank()) {
            all.add(new org.iisdiag.facts.ReportedMessage(description.strip(), ReportedCpu.SOURCE));
        }
        return all;
    }
}
