package org.iisdiag.classified;

import java.util.Locale;

import org.iisdiag.facts.IisStatusCount;

/** Reads client-certificate refusals: how long IIS spent on them before refusing. */
public final class ClientCertificates {
    /** CryptoAPI's default timeout for one URL retrieval (a CRL download), in milliseconds. */
    static final long RETRIEVAL_TIMEOUT_MS = 15_000;

    private ClientCertificates() {
    }

    /**
     * A sentence on the refusals' time-taken when every one of them waited about as long as a CRL download
     * may take before it times out (10 s or more), "" otherwise or when the log has no time-taken.
     */
    public static String waitText(Object fact) {
        if (fact instanceof IisStatusCount c && c.timeTaken().known() && c.timeTaken().min() >= 10_000) {
            return String.format(Locale.ROOT, " Each refusal took %s: the server waited for the revocation list"
                    + " download until it gave up (CryptoAPI's URL retrieval timeout is %,d ms by default).",
                    c.timeTaken().describe(), RETRIEVAL_TIMEOUT_MS);
        }
        return "";
    }
}
