package org.iisdiag.classified;

import java.util.List;
import java.util.TreeSet;

import org.iisdiag.facts.SslCertBinding;

/** Reads HTTP.sys's SSL bindings ({@code netsh http show sslcert}) as a set: what a client gets on each port. */
public final class SslBindings {
    /** What a report says when a TLS handshake failed: a reset, a failed handshake or secure channel. */
    private static final java.util.regex.Pattern HANDSHAKE_FAILED = java.util.regex.Pattern.compile(
            "(?i)connection (?:was )?reset|ERR_CONNECTION_RESET|ERR_SSL_|handshake|SSL/TLS connection|secure channel"
                    + "|could not establish trust|SSL_ERROR_");

    private SslBindings() {
    }

    /** Does a reported description speak of TLS handshakes that fail (resets, handshake errors)? */
    public static boolean reportsHandshakeFailure(String text) {
        return HANDSHAKE_FAILED.matcher(text).find();
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
     * Of the bindings a rule collected, those whose listing shows "DS Mapper Usage : Disabled", IP:port bindings
     * first, then in the listing's order: the entries on which Active Directory client certificate mapping gets no
     * Windows account.
     */
    public static List<SslCertBinding> withDsMapperOff(List<?> bindings) {
        List<SslCertBinding> off = new java.util.ArrayList<>();
        for (Object o : bindings) {
            if (o instanceof SslCertBinding b && b.dsMapperDisabled()) {
                off.add(b);
            }
        }
        off.sort(java.util.Comparator.comparing((SslCertBinding b) -> !b.ipPort()));
        return off;
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

    /** The host name of an SNI binding ("shop.contoso.com" of "shop.contoso.com:443"). */
    public static String hostOf(SslCertBinding b) {
        int colon = b.endpoint().lastIndexOf(':');
        return colon >= 0 ? b.endpoint().substring(0, colon) : b.endpoint();
    }

    /** The id of the site whose https binding is {@code host} on {@code port} ("https/*:443:host"), or -1. */
    public static long siteServing(List<?> sites, SslCertBinding b) {
        for (Object o : sites) {
            if (o instanceof org.iisdiag.facts.SiteDefinition s && s.bindings().stream().anyMatch(binding ->
                    binding.toLowerCase(java.util.Locale.ROOT).startsWith("https/")
                            && binding.toLowerCase(java.util.Locale.ROOT).endsWith(":" + b.port() + ":" + hostOf(b).toLowerCase(java.util.Locale.ROOT)))) {
                return s.id();
            }
        }
        return -1;
    }

    /** "shop.contoso.com:443, api.contoso.com:443": the endpoints of {@code bindings}. */
    public static String endpoints(List<SslCertBinding> bindings) {
        return String.join(", ", bindings.stream().map(SslCertBinding::endpoint).toList());
    }
}
