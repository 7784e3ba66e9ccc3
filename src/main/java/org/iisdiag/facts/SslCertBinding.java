package org.iisdiag.facts;

import java.util.List;
import java.util.Locale;

/**
 * One HTTP.sys SSL binding as {@code netsh http show sslcert} printed it: the certificate HTTP.sys presents on an
 * endpoint and how it negotiates there. IIS writes these when an https binding is saved; HTTP.sys uses them, not
 * applicationHost.config, during the TLS handshake.
 *
 * @param kind                 "IP:port", "Hostname:port" (an SNI binding) or "Central Certificate Store", as printed
 * @param endpoint             the value after the kind ("0.0.0.0:443", "shop.contoso.com:443", "443")
 * @param certificateHash      the thumbprint, "" for a Central Certificate Store binding
 * @param clientCertNegotiation "Enabled" or "Disabled" ("Negotiate Client Certificate"), "" when not printed
 * @param dsMapperUsage        "Enabled" or "Disabled" ("DS Mapper Usage": whether HTTP.sys maps the client certificate
 *                             to an Active Directory account), "" when not printed
 */
public record SslCertBinding(String kind, String endpoint, String certificateHash, String applicationId,
                             String storeName, String clientCertNegotiation, String dsMapperUsage, List<SampleLine> samples)
        implements SingleObservation {

    /** The port of the endpoint ("443"), "" when it has none. */
    public String port() {
        int colon = endpoint.lastIndexOf(':');
        return colon >= 0 ? endpoint.substring(colon + 1) : endpoint.matches("\\d{1,5}") ? endpoint : "";
    }

    /** An SNI binding: HTTP.sys uses it only for clients that send this host name in their hello. */
    public boolean sni() {
        return kind.equalsIgnoreCase("Hostname:port");
    }

    /** A binding of an address and port: what a client that sends no host name (no SNI) gets. */
    public boolean ipPort() {
        return kind.equalsIgnoreCase("IP:port");
    }

    /** Whether HTTP.sys asks for the client certificate in the first handshake. */
    public boolean negotiatesClientCertificate() {
        return clientCertNegotiation.equalsIgnoreCase("Enabled");
    }

    /**
     * Whether the listing shows the Active Directory (DS) mapper turned off: HTTP.sys then hands IIS the client
     * certificate without the Windows token Active Directory client certificate mapping needs.
     */
    public boolean dsMapperDisabled() {
        return dsMapperUsage.equalsIgnoreCase("Disabled");
    }

    /** The netsh parameter that names this binding's endpoint: "ipport", "hostnameport" or "ccs". */
    public String netshParameter() {
        return ipPort() ? "ipport" : sni() ? "hostnameport" : "ccs";
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("netsh http show sslcert: ").append(kind).append(' ').append(endpoint);
        if (!certificateHash.isEmpty()) {
            b.append(", certificate ").append(certificateHash);
        }
        if (!storeName.isEmpty()) {
            b.append(" in store ").append(storeName);
        }
        if (!clientCertNegotiation.isEmpty()) {
            b.append(", Negotiate Client Certificate ").append(clientCertNegotiation.toLowerCase(Locale.ROOT));
        }
        if (!dsMapperUsage.isEmpty()) {
            b.append(", DS Mapper Usage ").append(dsMapperUsage.toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
