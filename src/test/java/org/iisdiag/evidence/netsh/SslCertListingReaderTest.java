package org.iisdiag.evidence.netsh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.iisdiag.casefolder.EvidenceSniffer;
import org.iisdiag.classified.SslBindings;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.TextReads;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.SslCertBinding;
import org.junit.jupiter.api.Test;

class SslCertListingReaderTest {
    private static final String LISTING = """
            PS C:\\> netsh http show sslcert

            SSL Certificate bindings:
            -------------------------

                IP:port                      : 0.0.0.0:443
                Certificate Hash             : 3f1c9a7be0d24c51a8e6f07b92d4c3e15a6b8d20
                Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}
                Certificate Store Name       : My
                Ctl Identifier               : (null)
                DS Mapper Usage              : Disabled
                Negotiate Client Certificate : Disabled

                Hostname:port                : shop.contoso.com:8443
                Certificate Hash             : 8b41d06fe2a93c7754d1b0c8e5f27a96d03c41e7
                Application ID               : {4dc3e181-e14b-4a21-b022-59fc669b0914}
                Certificate Store Name       : WebHosting
                Negotiate Client Certificate : Enabled

            PS C:\\> netsh http show iplisten
            """;

    private final SslCertListingReader reader = new SslCertListingReader();

    private ReadReport read(String name, String text) throws IOException {
        return TextReads.read(reader, EvidenceKind.NETSH_SSLCERT, name, text);
    }

    @Test
    void everyBindingWithItsCertificateAndNegotiationAmongPrompts() throws IOException {
        ReadReport r = read("sslcert.txt", LISTING);
        assertThat(r.entries()).isEqualTo(2);
        assertThat(reader.facts()).map(SslCertBinding.class::cast)
                .extracting(b -> b.netshParameter() + "|" + b.endpoint() + "|" + b.port() + "|" + b.certificateHash() + "|"
                        + b.storeName() + "|" + b.negotiatesClientCertificate())
                .containsExactly("hostnameport|shop.contoso.com:8443|8443|8b41d06fe2a93c7754d1b0c8e5f27a96d03c41e7|WebHosting|true",
                        "ipport|0.0.0.0:443|443|3f1c9a7be0d24c51a8e6f07b92d4c3e15a6b8d20|My|false");
        SslCertBinding ip = (SslCertBinding) reader.facts().get(1);
        assertThat(ip.samples()).singleElement().satisfies(s -> assertThat(s.line()).isEqualTo(6));
        assertThat(ip.describe()).isEqualTo("netsh http show sslcert: IP:port 0.0.0.0:443, certificate"
                + " 3f1c9a7be0d24c51a8e6f07b92d4c3e15a6b8d20 in store My, Negotiate Client Certificate disabled, DS Mapper Usage disabled");
    }

    @Test
    void theDsMapperSettingWhenPrintedAndNothingWhenNot() throws IOException {
        read("sslcert.txt", LISTING);
        List<Object> facts = reader.facts();
        assertThat(facts).map(SslCertBinding.class::cast)
                .extracting(b -> b.endpoint() + "|" + b.dsMapperUsage() + "|" + b.dsMapperDisabled())
                .containsExactly("shop.contoso.com:8443||false", "0.0.0.0:443|Disabled|true");
        assertThat(SslBindings.withDsMapperOff(facts)).map(SslCertBinding::endpoint).containsExactly("0.0.0.0:443");
    }

    @Test
    void portsWithOnlySniBindingsAreTheOnesWithoutADefaultCertificate() throws IOException {
        read("sslcert.txt", LISTING);
        List<Object> facts = reader.facts();
        assertThat(SslBindings.sniOnlyPorts(facts)).containsExactly("8443");
        assertThat(SslBindings.withoutClientCertNegotiation(facts).endpoint()).isEqualTo("0.0.0.0:443");
    }

    @Test
    void recognisedByContentWhateverItsName() {
        byte[] head = LISTING.getBytes(StandardCharsets.UTF_8);
        assertThat(EvidenceSniffer.sniff("output.txt", head, head.length)).isEqualTo(EvidenceKind.NETSH_SSLCERT);
    }
}
