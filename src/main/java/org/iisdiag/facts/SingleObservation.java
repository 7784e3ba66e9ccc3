package org.iisdiag.facts;

/**
 * Evidence of one thing seen once and about no HTTP status: a setting, a recorded change, the state a pool
 * or site was in when the case was collected.
 */
public interface SingleObservation extends EvidenceFact {

    @Override
    default long occurrences() {
        return 1;
    }

    @Override
    default int status() {
        return 0;
    }
}
