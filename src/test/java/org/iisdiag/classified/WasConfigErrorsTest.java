package org.iisdiag.classified;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iisdiag.facts.ConfigNotWellFormed;
import org.iisdiag.facts.EventTimes;
import org.iisdiag.facts.WasEvent;
import org.iisdiag.facts.XmlProblem;
import org.junit.jupiter.api.Test;

class WasConfigErrorsTest {
    private static WasEvent was(int id, String pool, String detail) {
        return new WasEvent("Microsoft-Windows-WAS", id, pool, "", "", detail, 1, EventTimes.NONE, List.of());
    }

    @Test
    void the5172DetailNamesTheFileAndLineAndTheCopySaysWhatIsThere() {
        var read = WasConfigErrors.read(
                List.of(was(5189, "PortalPool", ""),
                        was(5172, "", "file '\\\\?\\C:\\Windows\\system32\\inetsrv\\config\\applicationHost.config' line 41: "
                                + "Configuration file is not well-formed XML"),
                        was(5189, "ApiPool", "")),
                List.of(new ConfigNotWellFormed("config/applicationHost.config", 12, XmlProblem.UNCLOSED_ELEMENT, "a:12"),
                        new ConfigNotWellFormed("config/applicationHost.config", 41, XmlProblem.AMPERSAND, "a:41")),
                List.of());
        assertThat(read.file()).endsWith("inetsrv\\config\\applicationHost.config");
        assertThat(read.line()).isEqualTo(41);
        assertThat(read.message()).isEqualTo("Configuration file is not well-formed XML");
        assertThat(read.problem()).as("the copy's problem at the same line, not another").isEqualTo(XmlProblem.AMPERSAND);
        assertThat(read.pools()).containsExactly("ApiPool", "PortalPool");
        assertThat(read.eventIds()).containsExactly("5172", "5189");
    }

    @Test
    void withoutA5172TheCopyGivesTheLineAndTheMessage() {
        var read = WasConfigErrors.read(List.of(was(5189, "PortalPool", "")),
                List.of(new ConfigNotWellFormed("applicationHost.config", 95, XmlProblem.AMPERSAND, "a:95")), List.of());
        assertThat(read.file()).isEmpty();
        assertThat(read.line()).isEqualTo(95);
        assertThat(read.message()).isEqualTo("not well-formed XML: " + XmlProblem.AMPERSAND.text());
    }
}
