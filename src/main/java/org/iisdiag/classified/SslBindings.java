package org.iisdiag.classified;

import java.util.List;
import java.util.TreeSet;

import org.iisdiag.facts.SslCertBinding;

/** Reads HTTP.sys's SSL bindings ({@code netsh http show sslcert}) as a set: what a client gets on each port. */
public final class SslBindings {
    private SslBindings() {
    }

    /**
     * Of the bindings a rule collected, the one HTTP.sys uses for a client certificate exchange that does not
     * ask for the certificate in the handshake: an IP:port binding first (what most sites share), then by
     * endpoint; null when every binding negotiates it (or there is none).
     */
    public static SslCertBinding withoutClientCertNegotiation(List<?> bindings) {
        SslCertBinding best = null;
        for (Object o : bindings) {
            if (o instanceof SslCertBinding b && !b.negotiatesClientCertificate()
                    && (best == null || (b.ipPort() && !best.ipPort()))) {
                best = b;
            }
        }
        return best;
    }

    /**
     * The ports ("443") on which HTTP.sys has only SNI bindings: no IP:port and no Central Certificate Store
     * binding answers a client that sends no server name there. In ascending order.
     */
    public static List<String> sniOnlyPorts(List<?> bindings) {
        TreeSet<String> sni = new TreeSet<>();
        TreeSet<String> fallback = new TreeSet<>();
        for (Object o : bindings) {
            if (o instanceof SslCertBinding b) {
                (b.sni() ? sni : fallback).add(b.port());
            }
        }
        sni.removeAll(fallback);
        return List.copyOf(sni);
    }

    /** The SNI bindings on {@code port}, in the listing's order. */
    public static List<SslCertBinding> sniBindings(List<?> bindings, String port) {
        return bindings.stream().filter(o -> o instanceof SslCertBinding b && b.sni() && b.port().equals(port))
                .map(SslCertBinding.class::cast).toList();
    }

    /** "shop.contoso.com:443, api.contoso.com:443": the endpoints of {@code bindings}. */
    public static String endpoints(List<SslCertBinding> bindings) {
        return String.join(", ", bindings.stream().map(SslCertBinding::endpoint).toList());
    }
}
