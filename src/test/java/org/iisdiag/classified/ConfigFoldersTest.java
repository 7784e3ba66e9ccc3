package org.iisdiag.classified;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iisdiag.facts.FailedRequestTrace;
import org.junit.jupiter.api.Test;

class ConfigFoldersTest {
    private static FailedRequestTrace traced(int substatus, String configFile) {
        return new FailedRequestTrace("fr000014.xml", "/hr/default.aspx", "GET", "3", "IntranetPool", "6420",
                "anonymous", "", null, 500, substatus, 15, "STATUS_CODE", "IIS Web Core", "BEGIN_REQUEST", "0x80070005", "", "",
                configFile, 0, "", "", "", "", 0, List.of(), 0, null, 6, false, List.of());
    }

    @Test
    void theFolderOfTheWebConfigATraceOfTheSameStatusNames() {
        assertThat(ConfigFolders.of(500, 19, List.of(traced(19, "\\\\?\\E:\\Sites\\Intranet\\web.config"))))
                .isEqualTo("E:\\Sites\\Intranet");
        assertThat(ConfigFolders.of(500, 19, List.of(traced(19, "D:\\www\\shop\\Web.Config"), traced(19, "C:\\a\\web.config"))))
                .as("the first in order when several are named").isEqualTo("C:\\a");
        assertThat(ConfigFolders.of(500, 19, List.of(traced(21, "D:\\www\\shop\\web.config"))))
                .as("another status's trace").isEmpty();
        assertThat(ConfigFolders.of(500, 19, List.of("not a trace"))).isEmpty();
    }

    @Test
    void onlyAWebConfigNamesContent() {
        assertThat(ConfigFolders.folderOf("C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config")).isEmpty();
        assertThat(ConfigFolders.folderOf("web.config")).isEmpty();
        assertThat(ConfigFolders.folderOf("")).isEmpty();
        assertThat(ConfigFolders.folderOf("\\\\?\\UNC\\files01\\web$\\portal\\web.config")).isEqualTo("\\\\files01\\web$\\portal");
        assertThat(ConfigFolders.folderOf("UNC\\files01\\web$\\portal\\web.config")).isEqualTo("\\\\files01\\web$\\portal");
        assertThat(ConfigFolders.folderOf("\\\\fileserver\\content\\site\\web.config")).isEqualTo("\\\\fileserver\\content\\site");
    }
}
