package org.iisdiag.facts;

import java.util.List;

/**
 * {@code system.webServer/security/access}: the SSL flags of a site or path. {@code SslNegotiateCert}
 * asks the client for a certificate, {@code SslRequireCert} refuses requests without one; either makes
 * IIS ask for the certificate after the request has started (a TLS renegotiation) unless the HTTPS
 * binding already negotiates it in the handshake.
 *
 * @param sslFlags the attribute as written ("Ssl, SslNegotiateCert, SslRequireCert"), "" when absent
 */
public record AccessConfig(String sslFlags, boolean negotiateCert, boolean requireCert, String configFile,
                           String locationPath, List<String> defaults, String source) implements ConfigFact {

    /** Whether this level asks clients for a certificate (accepts or requires one). */
    public boolean clientCertificates() {
        return negotiateCert || requireCert;
    }

    /** Whether this level refuses plain HTTP: its flags name Ssl (or Ssl128, which implies it). */
    public boolean requiresSsl() {
        return flags().stream().anyMatch(f -> f.equalsIgnoreCase("Ssl") || f.equalsIgnoreCase("Ssl128"));
    }

    /** The flags with the HTTPS requirement taken out, as appcmd takes them; "None" when nothing is left. */
    public String flagsWithoutSsl() {
        String rest = String.join(", ", flags().stream()
                .filter(f -> !f.equalsIgnoreCase("Ssl") && !f.equalsIgnoreCase("Ssl128") && !f.equalsIgnoreCase("None")).toList());
        return rest.isEmpty() ? "None" : rest;
    }

    private List<String> flags() {
        return java.util.Arrays.stream(sslFlags.split(",")).map(String::strip).filter(f -> !f.isEmpty()).toList();
    }

    @Override
    public String describe() {
        return "access sslFlags=\"" + sslFlags + "\"" + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
