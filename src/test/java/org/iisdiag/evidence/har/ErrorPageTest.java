package org.iisdiag.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iisdiag.evidence.Fixtures.resource;

import java.io.IOException;
import java.util.List;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.ErrorPage;
import org.iisdiag.facts.EvidenceKind;
import org.junit.jupiter.api.Test;

/** Error pages saved in a HAR that name their error: IIS detailed errors, ANCM pages, ASP.NET's. */
class ErrorPageTest {

    private static List<ErrorPage> pages() throws IOException {
        HarReader reader = new HarReader();
        ReadReport report = new ReadReport("saved-error-pages.har", EvidenceKind.HAR);
        reader.read("saved-error-pages.har", "", resource("har/saved-error-pages.har"), report);
        assertThat(report.failed()).isFalse();
        return reader.errorPages();
    }

    @Test
    void theDetailedErrorOfIisGivesModuleErrorCodeAndConfigFile() throws IOException {
        ErrorPage p = pages().get(0);
        assertThat(p.kind()).isEqualTo("iis-detailed");
        assertThat(p.count()).as("both saves of the same page").isEqualTo(2);
        assertThat(p.code()).isEqualTo("500.19");
        assertThat(p.substatus()).isEqualTo(19);
        assertThat(p.module()).isEqualTo("IIS Web Core");
        assertThat(p.notification()).isEqualTo("Unknown");
        assertThat(p.errorCode()).isEqualTo("0x8007000d");
        assertThat(p.configFile()).isEqualTo("C:\\inetpub\\TailspinApi\\web.config");
        assertThat(p.heading()).startsWith("The requested page cannot be accessed");
        assertThat(p.requestedUrl()).isEqualTo("http://localhost:80/api/status");
        assertThat(p.samples()).hasSize(2).allSatisfy(s -> assertThat(s.text()).doesNotContain("abc123"));
        assertThat(p.describe()).contains("HTTP Error 500.19", "module IIS Web Core", "error code 0x8007000d");
    }

    @Test
    void aspNetAndAncmPagesAreReadAndAPageThatNamesNothingIsNot() throws IOException {
        List<ErrorPage> pages = pages();
        // most frequent first, then by code
        assertThat(pages).extracting(ErrorPage::kind).containsExactly("iis-detailed", "aspnet", "ancm");
        ErrorPage ancm = pages.get(2);
        assertThat(ancm.code()).isEqualTo("500.30");
        assertThat(ancm.heading()).isEqualTo("ASP.NET Core app failed to start");
        ErrorPage aspnet = pages.get(1);
        assertThat(aspnet.exception()).isEqualTo("System.Data.SqlClient.SqlException: Login failed for user 'CONTOSO\\WEB01$'.");
        assertThat(aspnet.code()).isEmpty();
    }
}
