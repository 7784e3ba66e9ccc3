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

    @Override
    public String describe() {
        return "access sslFlags=\"" + sslFlags + "\"" + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
