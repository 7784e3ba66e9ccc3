package org.iisdiag.classified;

import java.util.List;

import org.iisdiag.facts.ErrorOnset;
import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.RecordEquality;
import org.iisdiag.facts.ServerChange;

/** A known change made shortly before errors began: the first thing an expert suspects. */
public record ChangeBeforeErrors(ServerChange change, ErrorOnset onset, long minutesBefore) implements Classified {

    @Override
    public List<EvidenceFact> evidence() {
        return List.of(onset, change);
    }

    /** "began 15 minutes after the deployment at 2025-03-04T14:05:00Z (robocopy of the publish folder)". */
    public String describe() {
        return "began " + minutesBefore + " minute" + (minutesBefore == 1 ? "" : "s") + " after the " + change.kind().key()
                + " at " + change.when() + (change.description().isEmpty() ? "" : " (" + change.description() + ")");
    }

    @Override
    public String toString() {
        return "ChangeBeforeErrors: " + onset.statusClass() + "xx " + describe();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
