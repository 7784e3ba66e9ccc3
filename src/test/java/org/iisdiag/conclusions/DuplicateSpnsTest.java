package org.iisdiag.conclusions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iisdiag.facts.EventTimes;
import org.iisdiag.facts.OtherEvent;
import org.iisdiag.facts.SampleLine;
import org.iisdiag.facts.WindowsAuthProviders;
import org.junit.jupiter.api.Test;

class DuplicateSpnsTest {

    private static OtherEvent kdc11(String text) {
        return new OtherEvent("System", "Microsoft-Windows-Kerberos-Key-Distribution-Center", 11, 2, 1, EventTimes.NONE,
                List.of(new SampleLine("System.xml", 2, text)));
    }

    @Test
    void namesTheDuplicateOfAHostTheCaseShows() {
        OtherEvent site = kdc11("Microsoft-Windows-Kerberos-Key-Distribution-Center 11: The KDC encountered duplicate names"
                + " while processing a Kerberos authentication request. The duplicate name is HTTP/hr.contoso.local (of type"
                + " DS_SERVICE_PRINCIPAL_NAME).");
        OtherEvent other = kdc11("Microsoft-Windows-Kerberos-Key-Distribution-Center 11: The KDC encountered duplicate names"
                + " while processing a Kerberos authentication request. The duplicate name is HTTP/old.contoso.local (of type"
                + " DS_SERVICE_PRINCIPAL_NAME).");
        // without a rendered message the sample holds the event data
        OtherEvent sql = kdc11("Microsoft-Windows-Kerberos-Key-Distribution-Center 11: MSSQLSvc/sql01.contoso.local:1433"
                + " DS_SERVICE_PRINCIPAL_NAME");

        assertThat(DuplicateSpns.onHosts(List.of(site, other, sql), List.of("hr.contoso.local", "sql01")))
                .containsExactly("HTTP/hr.contoso.local", "MSSQLSvc/sql01.contoso.local:1433");
        assertThat(DuplicateSpns.onHosts(List.of(other), List.of("hr.contoso.local", ""))).isEmpty();
        assertThat(DuplicateSpns.naming(List.of(site, other), List.of("HTTP/hr.contoso.local"))).containsExactly(site);
    }

    @Test
    void providersWithoutNegotiateOfferNoKerberos() {
        assertThat(new WindowsAuthProviders(true, List.of("NTLM"), List.of(), 1, "a", "Site", "a:1").dropsNegotiate()).isTrue();
        assertThat(new WindowsAuthProviders(false, List.of(), List.of("Negotiate"), 1, "a", "Site", "a:1").dropsNegotiate()).isTrue();
        WindowsAuthProviders kerberosOnly = new WindowsAuthProviders(true, List.of("Negotiate:Kerberos"), List.of(), 1, "a", "Site", "a:1");
        assertThat(kerberosOnly.dropsNegotiate()).isFalse();
        assertThat(kerberosOnly.addsNegotiate()).isTrue();
        assertThat(kerberosOnly.dropsNtlm()).isTrue();
    }
}
