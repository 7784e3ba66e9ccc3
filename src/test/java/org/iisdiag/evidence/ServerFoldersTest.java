package org.iisdiag.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iisdiag.casefolder.CaseFile;
import org.iisdiag.facts.EvidenceKind;
import org.junit.jupiter.api.Test;

class ServerFoldersTest {
    private static CaseFile f(String name, EvidenceKind kind) {
        return new CaseFile(name, kind, 1, () -> null);
    }

    @Test
    void logsInTwoTopFoldersNameTheirServers() {
        CaseFile arr = f("arr01/u_ex250827.log", EvidenceKind.IIS_W3C_LOG);
        CaseFile web = f("web02/W3SVC1/u_ex250827.log", EvidenceKind.IIS_W3C_LOG);
        CaseFile trace = f("arr01/fr000001.xml", EvidenceKind.FAILED_REQUEST_TRACE);
        CaseFile config = f("applicationHost.config", EvidenceKind.APPLICATION_HOST_CONFIG);
        ServerFolders s = ServerFolders.of(List.of(arr, web, trace, config));
        assertThat(s.of(arr)).isEqualTo("arr01");
        assertThat(s.of(web)).isEqualTo("web02");
        assertThat(s.of(config)).isEmpty();
    }

    @Test
    void oneFolderOrSiteFoldersNameNoServer() {
        CaseFile a = f("logs/u_ex1.log", EvidenceKind.IIS_W3C_LOG);
        CaseFile b = f("logs/httperr1.log", EvidenceKind.HTTPERR_LOG);
        assertThat(ServerFolders.of(List.of(a, b)).of(a)).isEmpty();
        CaseFile s1 = f("W3SVC1/u_ex1.log", EvidenceKind.IIS_W3C_LOG);
        CaseFile s2 = f("W3SVC2/u_ex1.log", EvidenceKind.IIS_W3C_LOG);
        assertThat(ServerFolders.of(List.of(s1, s2)).of(s2)).isEmpty();
    }

    @Test
    void aLogAtTheTopAndOneInAFolderAreTwoServers() {
        CaseFile top = f("u_ex1.log", EvidenceKind.IIS_W3C_LOG);
        CaseFile node = f("node2/u_ex1.log", EvidenceKind.IIS_W3C_LOG);
        ServerFolders s = ServerFolders.of(List.of(top, node));
        assertThat(s.of(top)).isEmpty();
        assertThat(s.of(node)).isEqualTo("node2");
    }
}
