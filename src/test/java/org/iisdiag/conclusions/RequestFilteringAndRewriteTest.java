package org.iisdiag.conclusions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iisdiag.facts.RewriteServerVariablesConfig;
import org.iisdiag.facts.SiteDefinition;
import org.iisdiag.facts.UriCount;
import org.junit.jupiter.api.Test;

/** The helpers that name a request-filtering entry, the server variables to allow and a site's host names. */
class RequestFilteringAndRewriteTest {

    private static List<UriCount> uris(String... paths) {
        return java.util.Arrays.stream(paths).map(p -> new UriCount(p, 1, 0)).toList();
    }

    @Test
    void routesThroughADefaultHiddenSegmentNameIt() {
        List<UriCount> routes = uris("/api/bin/items?page=1", "/api/BIN/items/4711/restore", "/bin");
        assertThat(RequestFiltering.hiddenSegmentOfRoutes(routes)).isEqualTo("bin");
        assertThat(RequestFiltering.routeLocations(routes, "bin")).containsExactly("bin", "api/bin");
        assertThat(RequestFiltering.hiddenSegmentOfRoutes(uris("/App_Data/export/latest", "/App_Data/export/all")))
                .isEqualTo("App_Data");
    }

    @Test
    void filesInHiddenFoldersAndMixedSegmentsAreNotRoutes() {
        assertThat(RequestFiltering.hiddenSegmentOfRoutes(uris("/bin/App.dll", "/api/bin/items"))).isEmpty();
        assertThat(RequestFiltering.hiddenSegmentOfRoutes(uris("/web.config", "/sub/web.config"))).isEmpty();
        assertThat(RequestFiltering.hiddenSegmentOfRoutes(uris("/bin/x/y", "/App_Data/x/y"))).isEmpty();
        assertThat(RequestFiltering.hiddenSegmentOfRoutes(uris("/bin", "/bin/"))).as("no route goes past the segment").isEmpty();
        assertThat(RequestFiltering.hiddenSegmentOfRoutes(uris("/api/bin/items"))).as("one URL is not a pattern").isEmpty();
        assertThat(RequestFiltering.hiddenSegmentOfRoutes(uris("/cabinet/items", "/binary/x"))).isEmpty();
    }

    @Test
    void theNamedVariableComesFirstThenTheOnesNoListAllows() {
        RewriteServerVariablesConfig site = new RewriteServerVariablesConfig(List.of("HTTPS", "SERVER_PORT", "HTTP_X_ORIGINAL_HOST"),
                List.of(), false, "web.config", "", "web.config:12");
        RewriteServerVariablesConfig server = new RewriteServerVariablesConfig(List.of(), List.of("http_x_original_host"),
                false, "applicationHost.config", "", "applicationHost.config:40");
        assertThat(RewriteVariables.notAllowed(List.of(site, server), "SERVER_PORT")).containsExactly("SERVER_PORT", "HTTPS");
        assertThat(RewriteVariables.namedIn("The server variable \"HTTPS\" is not allowed to be set. Add the server "
                + "variable name to the allowed server variable list.")).isEqualTo("HTTPS");
        assertThat(RewriteVariables.namedIn("URL Rewrite Module Error.")).isEmpty();
    }

    @Test
    void hostNamesComeFromTheBindings() {
        SiteDefinition s = new SiteDefinition(2, "HRReports", List.of("https/*:443:hrreports.fabrikam.local", "http/*:80:",
                "https/[::1]:443:Reports.Fabrikam.local"), "", false, "", 0, true, "applicationHost.config", List.of(),
                "applicationHost.config:20");
        assertThat(org.iisdiag.classified.SiteBindings.hostNames(List.of(s))).isEqualTo("hrreports.fabrikam.local, Reports.Fabrikam.local");
        assertThat(org.iisdiag.classified.SiteBindings.firstHostName(List.of(s))).isEqualTo("hrreports.fabrikam.local");
        assertThat(org.iisdiag.classified.SiteBindings.hostNames(List.of())).isEmpty();
    }

    @Test
    void escapedFileNamesAreFilesWhoseLoggedPathStillHoldsAnOrdinaryEscape() {
        java.util.List<org.iisdiag.facts.UriCount> uris = java.util.List.of(
                new org.iisdiag.facts.UriCount("/docs/a/Caf%C3%A9%20Nord.jpg", 5, 0),
                new org.iisdiag.facts.UriCount("/docs/b/Plan%20(v2).pdf", 3, 0),
                new org.iisdiag.facts.UriCount("/x/%2e%2e/win.ini", 1, 0));
        java.util.List<org.iisdiag.facts.UriCount> named = RequestFiltering.escapedFileNames(uris);
        org.assertj.core.api.Assertions.assertThat(named).extracting(org.iisdiag.facts.UriCount::uri)
                .containsExactly("/docs/a/Caf%C3%A9%20Nord.jpg", "/docs/b/Plan%20(v2).pdf");
        org.assertj.core.api.Assertions.assertThat(RequestFiltering.escapedNameFolder(named)).isEqualTo("docs");
        org.assertj.core.api.Assertions.assertThat(RequestFiltering.renames(named, 1))
                .isEqualTo("`Caf%C3%A9%20Nord.jpg` to `Caf\u00e9 Nord.jpg`");
        org.assertj.core.api.Assertions.assertThat(RequestFiltering.escapedFileNames(java.util.List.of(
                new org.iisdiag.facts.UriCount("/a/%2e%2e%2fweb.config", 4, 0),
                new org.iisdiag.facts.UriCount("/tags/c%23/list", 4, 0)))).as("traversal escapes and routes are not file names").isEmpty();
    }
}
