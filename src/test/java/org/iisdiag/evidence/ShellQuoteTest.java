package org.iisdiag.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellQuoteTest {
    @Test
    void ordinaryNamesAreQuoted() {
        assertThat(ShellQuote.cmd("Default Web Site")).isEqualTo("\"Default Web Site\"");
        assertThat(ShellQuote.appcmd("Contoso Shop/api")).isEqualTo("\"Contoso Shop/api\"");
        assertThat(ShellQuote.powershell("Contoso Shop")).isEqualTo("'Contoso Shop'");
        assertThat(ShellQuote.cmd("")).isEqualTo("\"\"");
        assertThat(ShellQuote.powershell("")).isEqualTo("''");
    }

    @Test
    void trailingBackslashesDoNotEscapeTheClosingQuote() {
        assertThat(ShellQuote.cmd("C:\\inetpub\\")).isEqualTo("\"C:\\inetpub\\\\\"");
        assertThat(ShellQuote.cmd("C:\\a\\b")).isEqualTo("\"C:\\a\\b\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x\"&calc.exe&\"", "%PATH%", "a^b", "a&b", "a|b", "a<b", "a>b", "two\nlines", "cr\rx",
            "!VAR!", "nul\u0000", "bidi\u202Eexe"})
    void cmdRefusesWhatItCannotQuote(String hostile) {
        assertThat(ShellQuote.cmd(hostile)).isEqualTo(ShellQuote.UNSAFE);
        assertThat(ShellQuote.appcmd(hostile)).isEqualTo(ShellQuote.UNSAFE);
        assertThat(ShellQuote.isUnsafe(ShellQuote.cmd(hostile))).isTrue();
    }

    @Test
    void cmdKeepsWhatIsLiteralInQuotes() {
        assertThat(ShellQuote.cmd("$(calc)")).isEqualTo("\"$(calc)\"");
        assertThat(ShellQuote.cmd("';calc;'")).isEqualTo("\"';calc;'\"");
    }

    @Test
    void appcmdRefusesValuesItWouldTakeForItsOwnParameters() {
        assertThat(ShellQuote.appcmd("/commit:apphost")).isEqualTo(ShellQuote.UNSAFE);
        assertThat(ShellQuote.appcmd("-x")).isEqualTo(ShellQuote.UNSAFE);
        assertThat(ShellQuote.cmd("/commit:apphost")).isEqualTo("\"/commit:apphost\"");
    }

    @Test
    void powershellSingleQuotesAreDoubledAndNothingExpands() {
        assertThat(ShellQuote.powershell("';calc;'")).isEqualTo("''';calc;'''");
        assertThat(ShellQuote.powershell("$(calc)")).isEqualTo("'$(calc)'");
        assertThat(ShellQuote.powershell("x\"&calc.exe&\"")).isEqualTo("'x\"&calc.exe&\"'");
        assertThat(ShellQuote.powershell("%PATH%")).isEqualTo("'%PATH%'");
        assertThat(ShellQuote.powershell("`whoami`")).isEqualTo("'`whoami`'");
        // typographic quotes end a PowerShell single-quoted string too
        assertThat(ShellQuote.powershell("it\u2019s")).isEqualTo("'it\u2019\u2019s'");
        assertThat(ShellQuote.powershell("two\nlines")).isEqualTo(ShellQuote.UNSAFE);
        assertThat(ShellQuote.powershell("bidi\u202E")).isEqualTo(ShellQuote.UNSAFE);
    }

    @Test
    void theMarkerItselfCannotRunAsAValue() {
        // '<' makes cmd redirect from a missing file and is reserved in PowerShell: the command fails
        assertThat(ShellQuote.UNSAFE).startsWith("<");
    }
}
