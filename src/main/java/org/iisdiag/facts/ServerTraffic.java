package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;

/**
 * One server's share of the IIS log when a case holds several servers (the nodes of a farm, an ARR front
 * end and its back ends): its requests and errors and when it served them. The fleet rules compare
 * servers with it: an error on one node of four is that node's problem; on all four at once, a shared one.
 */
public record ServerTraffic(String server, long requests, long clientErrors, long serverErrors, Instant firstSeen,
                            Instant lastSeen) implements EvidenceFact {

    @Override
    public String describe() {
        return String.format(java.util.Locale.ROOT, "server %s: %,d requests (%,d 4xx, %,d 5xx), %s to %s", server,
                requests, clientErrors, serverErrors, firstSeen, lastSeen);
    }

    @Override
    public long occurrences() {
        return requests;
    }

    /** Traffic, not an error: it never counts towards a problem's reach. */
    @Override
    public int status() {
        return 200;
    }

    @Override
    public List<SampleLine> samples() {
        return List.of();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
