package org.iisdiag.conclusions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import org.iisdiag.facts.EventTimes;
import org.iisdiag.facts.HttpPlatformConfig;
import org.iisdiag.facts.OtherEvent;
import org.iisdiag.facts.SampleLine;
import org.junit.jupiter.api.Test;

class HttpPlatformProcessTest {

    private static final String JAVA = "C:\\Program Files\\Eclipse Adoptium\\jdk-17.0.9.9-hotspot\\bin\\java.exe";

    private static OtherEvent removal(String text) {
        return new OtherEvent("Application", "MsiInstaller", 1034, 4, 1,
                EventTimes.of(LocalDateTime.parse("2025-09-13T02:11:40"), true),
                List.of(new SampleLine("Application.xml", 3, "MsiInstaller 1034: " + text)));
    }

    @Test
    void aRemovalNamesThePathByItsVersionOrADistinctiveWord() {
        assertThat(ProductRemovals.names("Eclipse Temurin JDK with Hotspot 17.0.9+9 (x64) 17.0.9.9 1033", JAVA)).isTrue();
        assertThat(ProductRemovals.names("Python 3.11.9 Core Interpreter (64-bit) 3.11.9150.0", "C:\\Program Files\\Python311\\python.exe"))
                .isTrue();
        // an unrelated product, and words every Windows path has
        assertThat(ProductRemovals.names("Microsoft Visual C++ 2015 Redistributable (x64) 14.0.24215 1033", JAVA)).isFalse();
        assertThat(ProductRemovals.names("Microsoft Windows Installer product 1.2.3", "C:\\Program Files\\Microsoft\\x\\app.exe"))
                .isFalse();
    }

    @Test
    void onlyTheRemovalsThatNameThePathAreShown() {
        OtherEvent jdk = removal("Eclipse Temurin JDK with Hotspot 17.0.9+9 (x64) 17.0.9.9 1033");
        OtherEvent other = removal("Contoso Backup Agent 4.2.0 1033");
        assertThat(ProductRemovals.of(List.of(jdk, other), JAVA)).containsExactly(jdk);
        assertThat(ProductRemovals.naming(List.of(jdk, other), JAVA))
                .isEqualTo("MsiInstaller 1034: Eclipse Temurin JDK with Hotspot 17.0.9+9 (x64) 17.0.9.9 1033");
        assertThat(ProductRemovals.naming(List.of(other), JAVA)).isEmpty();
        assertThat(ProductRemovals.naming(List.of(jdk), "")).isEmpty();
    }

    @Test
    void theProgramIsSearchedAboveItsVersionedFolder() {
        assertThat(HttpPlatformProcess.program(JAVA)).isEqualTo("java.exe");
        assertThat(HttpPlatformProcess.searchRoot(JAVA)).isEqualTo("C:\\Program Files\\Eclipse Adoptium");
        assertThat(HttpPlatformProcess.searchRoot("C:\\Python311\\python.exe")).isEqualTo("C:\\");
        assertThat(HttpPlatformProcess.searchRoot("D:\\tomcat\\bin\\startup.bat")).isEqualTo("D:\\tomcat");
        assertThat(HttpPlatformProcess.searchRoot("node.exe")).isEmpty();
    }

    @Test
    void theConfigurationSaysWhetherItPassesThePortAndWithoutQuotes() {
        HttpPlatformConfig c = new HttpPlatformConfig("\"" + JAVA + "\"", "-Dserver.port=%http_platform_port% -jar app.jar",
                false, "httpplatform-stdout", 10, 10, 10, "00:02:00", 120, "web.config", "", List.of(), "web.config:8");
        assertThat(c.executable()).isEqualTo(JAVA);
        assertThat(c.passesPort()).isTrue();
        HttpPlatformConfig node = new HttpPlatformConfig("node.exe", ".\\server.js", false, "httpplatform-stdout", 10, 10, 10,
                "00:02:00", 120, "web.config", "", List.of(), "web.config:3");
        assertThat(node.passesPort()).isFalse();
        assertThat(HttpPlatformProcess.config(List.of(node, c))).isSameAs(node);
        assertThat(HttpPlatformProcess.config(List.of())).isNull();
    }
}
