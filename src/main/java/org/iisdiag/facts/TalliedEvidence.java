package org.iisdiag.facts;

/**
 * Evidence a reader tallied from an application's own log or a capture (a PHP error, a wfastcgi failure, a
 * sign-in redirect): it counts its occurrences and has no HTTP status of its own.
 */
public interface TalliedEvidence extends EvidenceFact {
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
