package org.iisdiag.conclusions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.iisdiag.facts.GlobalModules;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.TimeTakenRange;
import org.iisdiag.facts.UriCount;
import org.junit.jupiter.api.Test;

/** Which refused requests asked for ASP.NET content, and which ASP.NET module the server has installed. */
class StatusCodesAspNetUrlsTest {
    private static final Instant T = Instant.parse("2025-10-21T13:05:44Z");

    private static IisStatusCount refused(String... uris) {
        return new IisStatusCount("", "W3SVC7", 404, 17, 0, uris.length, T, T,
                java.util.Arrays.stream(uris).map(u -> new UriCount(u, 1, 0)).toList(), List.of(), TimeTakenRange.NONE);
    }

    @Test
    void pagesAndServicesAnywhereInTheListAreAspNetContent() {
        assertThat(StatusCodes.forAspNet(refused("/", "/Services/Stock.asmx"))).isTrue();
        assertThat(StatusCodes.forAspNet(refused("/Default.aspx"))).isTrue();
        assertThat(StatusCodes.forAspNet(refused("/Service.svc/rest/items"))).isTrue();
    }

    @Test
    void staticFilesAndLookAlikeExtensionsAreNot() {
        assertThat(StatusCodes.forAspNet(refused("/index.php", "/docs/aspx-guide.html"))).isFalse();
        assertThat(StatusCodes.forAspNet(refused("/old/page.aspxbak"))).isFalse();
    }

    @Test
    void theInstalledAspNetModuleIsNamedOrEmpty() {
        assertThat(new GlobalModules(List.of("StaticFileModule", "ManagedEngineV4.0_32bit", "ManagedEngineV4.0_64bit"),
                "applicationHost.config", "applicationHost.config:3").aspNetModule()).isEqualTo("ManagedEngineV4.0_64bit");
        assertThat(new GlobalModules(List.of("StaticFileModule", "AspNetCoreModuleV2"), "applicationHost.config",
                "applicationHost.config:3").aspNetModule()).isEmpty();
    }
}
