package org.iisdiag.facts;

/**
 * Evidence from an event log or an application log: it has a count of occurrences and no HTTP
 * status of its own.
 */
public interface LoggedEvent extends RootCauseEvidence {
    long count();

    @Override
    default long occurrences() {
        return count();
    }

    @Override
    default int status() {
        return 0;
    }
}
