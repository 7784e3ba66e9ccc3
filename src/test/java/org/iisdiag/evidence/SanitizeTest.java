package org.iisdiag.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SanitizeTest {
    @Test
    void terminalEscapesSequencesOverridesAndControls() {
        assertThat(Sanitize.forTerminal("a\u001b[31mred\u001b[0m")).isEqualTo("a\\x1b[31mred\\x1b[0m");
        // OSC 8 hyperlink and window title, BEL- and ST-terminated
        assertThat(Sanitize.forTerminal("\u001b]8;;http://evil\u0007x\u001b]8;;\u0007")).doesNotContain("\u001b", "\u0007");
        assertThat(Sanitize.forTerminal("\u001b]0;title\u001b\\")).isEqualTo("\\x1b]0;title\\x1b\\");
        assertThat(Sanitize.forTerminal("ok\rFAKE")).isEqualTo("ok\\rFAKE");
        assertThat(Sanitize.forTerminal("abc\b\b\bxyz")).isEqualTo("abc\\x08\\x08\\x08xyz");
        assertThat(Sanitize.forTerminal("file\u202Egol.exe")).isEqualTo("file\\u202egol.exe");
        assertThat(Sanitize.forTerminal("a\u2066b\u2069\u200Bc\uFEFF")).isEqualTo("a\\u2066b\\u2069\\u200bc\\ufeff");
        assertThat(Sanitize.forTerminal("csi\u009b2J")).isEqualTo("csi\\u009b2J");
        assertThat(Sanitize.forTerminal("two\nlines\tand\u007f")).isEqualTo("two\\nlines\\tand\\x7f");
        assertThat(Sanitize.forTerminal("lone \uD800 surrogate")).isEqualTo("lone \\ud800 surrogate");
        assertThat(Sanitize.forTerminal("C:\\inetpub\\wwwroot 日本 😀")).isEqualTo("C:\\inetpub\\wwwroot 日本 😀");
        assertThat(Sanitize.forTerminal(null)).isEmpty();
    }

    @Test
    void markdownCellCannotBreakTheTableOrCarryHtml() {
        assertThat(Sanitize.forMarkdownCell("a|b")).isEqualTo("a\\|b");
        assertThat(Sanitize.forMarkdownCell("a\\|b")).isEqualTo("a\\\\\\|b");
        assertThat(Sanitize.forMarkdownCell("<script>alert(1)</script>")).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Sanitize.forMarkdownCell("`code` [x](http://e) *b* &amp;")).isEqualTo("\\`code\\` \\[x\\](http://e) \\*b\\* &amp;amp;");
        assertThat(Sanitize.forMarkdownCell("row\n| forged | row |")).doesNotContain("\n").doesNotContain(" | ");
    }

    @Test
    void markdownCodeSpanIsFencedLongerThanAnyBacktickRun() {
        assertThat(Sanitize.forMarkdownCode("appcmd list apppool")).isEqualTo("`appcmd list apppool`");
        assertThat(Sanitize.forMarkdownCode("a`b")).isEqualTo("``a`b``");
        assertThat(Sanitize.forMarkdownCode("``x")).isEqualTo("``` ``x ```");
        assertThat(Sanitize.forMarkdownCode("a|b<i>")).isEqualTo("`a\\|b<i>`");
        assertThat(Sanitize.forMarkdownCode("x\ny")).isEqualTo("`x\\ny`");
    }
}
