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

    /** How many client addresses a refusal list names at most. */
    static final int SHOWN_CLIENTS = 8;

    /**
     * The client addresses (c-ip) of the refused requests, most frequent first, at most eight and "and N more",
     * or "" when the log has no c-ip.
     */
    public static String clientsText(Object fact) {
        if (!(fact instanceof IisStatusCount c) || c.clients().isEmpty()) {
            return "";
        }
        java.util.List<String> all = c.clients().stream().map(org.iisdiag.facts.UriCount::uri).filter(a -> !a.isEmpty() && !a.equals("-")).toList();
        if (all.isEmpty()) {
            return "";
        }
        String shown = String.join(", ", all.subList(0, Math.min(SHOWN_CLIENTS, all.size())));
        return all.size() > SHOWN_CLIENTS ? shown + " and " + (all.size() - SHOWN_CLIENTS) + " more" : shown;
    }

    /** When the first refusal was logged (UTC, to the minute), or "" when unknown. */
    public static String firstSeenText(Object fact) {
        if (fact instanceof IisStatusCount c && c.firstSeen() != null) {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
                    .withZone(java.time.ZoneOffset.UTC).format(c.firstSeen()) + " UTC";
        }
        return "";
    }

    /** How many client addresses the refused requests came from (as many as the log kept), 0 when unknown. */
    public static int clientCount(Object fact) {
        return fact instanceof IisStatusCount c
                ? (int) c.clients().stream().filter(u -> !u.uri().isEmpty() && !u.uri().equals("-")).count() : 0;
    }
}
