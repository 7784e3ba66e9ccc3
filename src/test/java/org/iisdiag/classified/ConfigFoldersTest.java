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
    void theWebConfigATraceNamesWithoutItsLongPathPrefix() {
        String file = ConfigFolders.file(List.of(traced(19, "\\\\?\\E:\\Sites\\Intranet\\web.config")));
        assertThat(file).isEqualTo("E:\\Sites\\Intranet\\web.config");
        assertThat(ConfigFolders.folderOf(file)).isEqualTo("E:\\Sites\\Intranet");
        assertThat(ConfigFolders.file(List.of(traced(19, "D:\\www\\shop\\Web.Config"), traced(19, "C:\\a\\web.config"))))
                .as("the first in order when several are named").isEqualTo("C:\\a\\web.config");
        assertThat(ConfigFolders.file(List.of(traced(19, "C:\\Windows\\System32\\inetsrv\\config\\applicationHost.config"))))
                .as("applicationHost.config is not content").isEmpty();
        assertThat(ConfigFolders.file(List.of("not a trace"))).isEmpty();
        assertThat(ConfigFolders.folderOf("")).isEmpty();
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
