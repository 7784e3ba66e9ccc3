package org.iisdiag.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplateTest {
    private static String fill(String text, Map<String, String> values) {
        return Template.fill(text, name -> values.getOrDefault(name, "<" + name + ">"));
    }

    @Test
    void placeholdersInOrderOfFirstUse() {
        assertThat(Template.placeholders("Run {appcmd} on {server}, then {appcmd} again for {site2}"))
                .containsExactly("appcmd", "server", "site2");
        assertThat(Template.placeholders("no placeholders at all")).isEmpty();
        assertThat(Template.placeholders("")).isEmpty();
        assertThat(Template.placeholders("{a}{b}")).containsExactly("a", "b");
    }

    @Test
    void fillReplacesEveryPlaceholder() {
        assertThat(fill("`{appcmd} list site \"{site}\"` on {server}",
                Map.of("appcmd", "appcmd.exe", "site", "Default Web Site", "server", "WEB01")))
                .isEqualTo("`appcmd.exe list site \"Default Web Site\"` on WEB01");
        assertThat(fill("{a}{b}{a}", Map.of("a", "1", "b", "2"))).isEqualTo("121");
        assertThat(fill("missing {thing}", Map.of())).isEqualTo("missing <thing>");
    }

    @Test
    void fillDoesNotRescanReplacedValues() {
        assertThat(fill("{a}", Map.of("a", "{b}", "b", "nope"))).isEqualTo("{b}");
    }

    @Test
    void doubledBracesAreLiteral() {
        String text = "Get-WinEvent -FilterHashtable @{{LogName='System'; Id=5002}} on {server}";
        assertThat(Template.placeholders(text)).containsExactly("server");
        assertThat(fill(text, Map.of("server", "WEB01")))
                .isEqualTo("Get-WinEvent -FilterHashtable @{LogName='System'; Id=5002} on WEB01");
        assertThat(Template.placeholders("{{name}}")).isEmpty();
        assertThat(fill("{{name}}", Map.of("name", "X"))).isEqualTo("{name}");
        assertThat(fill("GUID {{3F2504E0-4F89-11D3-9A0C-0305E82C3301}}", Map.of()))
                .isEqualTo("GUID {3F2504E0-4F89-11D3-9A0C-0305E82C3301}");
    }

    @Test
    void placeholderInsideEscapedBraces() {
        assertThat(Template.placeholders("{{{name}}}")).containsExactly("name");
        assertThat(fill("{{{name}}}", Map.of("name", "X"))).isEqualTo("{X}");
    }

    @Test
    void nonPlaceholderBracesAreLeftAlone() {
        for (String text : new String[] {"{ }", "{1}", "{}", "{a b}", "{a-b}", "{1abc}", "a { b", "a } b",
                "{unterminated", "$x = { $_.Status }", "format {0} and {1}"}) {
            assertThat(Template.placeholders(text)).as(text).isEmpty();
            assertThat(fill(text, Map.of())).as(text).isEqualTo(text);
        }
    }

    @Test
    void mixedBracesAndPlaceholders() {
        assertThat(Template.placeholders("{ {name} }")).containsExactly("name");
        assertThat(fill("{ {name} }", Map.of("name", "X"))).isEqualTo("{ X }");
        assertThat(fill("{0} {name}", Map.of("name", "X"))).isEqualTo("{0} X");
        assertThat(fill("{a b {c}", Map.of("c", "Z"))).isEqualTo("{a b Z");
    }

    @Test
    void nullStaysNull() {
        assertThat(Template.fill(null, n -> "x")).isNull();
        assertThat(Template.placeholders(null)).isEmpty();
    }
}
