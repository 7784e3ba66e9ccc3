package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case written to attack whoever reads its report: queue names that would run a program if pasted
 * into cmd or PowerShell, log fields and file names with terminal escape sequences (a window title set
 * by ESC ] 0 ; ... BEL), bare CR and backspace, a right-to-left override, and HTML. Through the CLI,
 * every human format must show them as inert text: no control character, no live markup, no table cell
 * broken, and no copy-paste command with the value in it.
 */
class HostileCaseReportsTest {
    private static final String CMD_QUEUE = "x\"&calc.exe&\"";
    private static final String PS_QUEUE = "$(calc)";
    private static final String IMG = "<img src=x onerror=alert(1)>";
    private static final String TITLE = "\u001b]0;pwned\u0007";
    /** What a terminal or browser would act on: C0 controls but the line break, DEL, C1, bidi controls. */
    private static final Pattern LIVE_CONTROL = Pattern.compile("[\\x00-\\x09\\x0b-\\x1f\\x7f\\x80-\\x9f\\u202a-\\u202e\\u2066-\\u2069]");

    @TempDir
    static Path tmp;
    static Path caseDir;

    @BeforeAll
    static void writeCase() throws Exception {
        caseDir = tmp.resolve("case");
        StringBuilder httperr = new StringBuilder("""
                #Software: Microsoft HTTP API 2.0
                #Version: 1.0
                #Date: 2025-01-09 10:00:00
                #Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename
                """);
        for (int i = 0; i < 30; i++) {
            httperr.append(String.format("2025-01-09 10:%02d:%02d 10.0.0.5 4000 10.0.0.10 443 HTTP/1.1 GET /cart - 503 1 AppOffline %s%n",
                    i, i, i % 2 == 0 ? CMD_QUEUE : PS_QUEUE));
        }
        write("HTTPERR/httperr1.log", httperr.toString());
        StringBuilder w3c = new StringBuilder("""
                #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
                """);
        for (int i = 0; i < 12; i++) {
            w3c.append(String.format("2025-01-09 10:%02d:01 10.0.0.10 GET /pay\u202Egpj.exe q=<img+src=x+onerror=alert(2)>|x 443 - 10.0.0.5 "
                    + "Mozilla%s\rfake\bline - 500 0 0 120%n", i, TITLE));
        }
        write("W3SVC1/u_ex250109.log", w3c.toString());
        // names a terminal, a Markdown table and a browser would each take for their own syntax
        write("notes/a|b " + IMG + "\u202Etxt.md", "note");
        write("notes/t" + TITLE + ".txt", "note");
    }

    private static void write(String name, String text) throws Exception {
        Path p = caseDir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static String report(String format) {
        CliRun run = CliRun.withPack("diagnose", caseDir.toString(), "--format", format, "--detail", "full");
        assertThat(run.exitCode()).as(run.err()).isIn(0, 2, 3, 4);
        assertThat(run.out()).as(format).isNotBlank();
        return run.out();
    }

    @Test
    void textShowsEveryControlCharacterAsAnEscapeAndEmbedsNoHostileValueInACommand() {
        String text = report("text");
        assertThat(LIVE_CONTROL.matcher(text).find()).as("raw control character in text").isFalse();
        // what was there is still visible, escaped
        assertThat(text).contains("\\x1b]0;pwned\\x07", "\\u202e", "\\r", "\\x08");
        commandsAreSafe(text);
    }

    @Test
    void markdownKeepsHtmlAndPipesFromTheCaseInert() {
        String md = report("md");
        assertThat(LIVE_CONTROL.matcher(md).find()).as("raw control character in Markdown").isFalse();
        // inside code spans and fenced blocks HTML is shown as text; anywhere else it must be escaped
        String outsideCode = md.replaceAll("(?s)```.*?```", "").replaceAll("``[^`]*``|`[^`]*`", "");
        assertThat(outsideCode).doesNotContain("<img", "<script", "onerror=alert(1)>");
        // the inputs table: a file name with | in it stays in its cell (two columns, three unescaped bars)
        List<String> rows = md.lines().filter(l -> l.startsWith("| `")).toList();
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("a\\|b"));
        assertThat(rows).allSatisfy(r -> assertThat(r.replace("\\|", "").chars().filter(c -> c == '|').count())
                .as(r).isEqualTo(3));
        commandsAreSafe(md);
    }

    @Test
    void htmlHasNoLiveMarkupFromTheCase() {
        String html = report("html");
        assertThat(LIVE_CONTROL.matcher(html).find()).as("raw control character in HTML").isFalse();
        // no element of the page loads anything or runs a handler
        assertThat(Pattern.compile("(?i)<[a-z][^<>]*\\s(on[a-z]+|src|href)\\s*=").matcher(html).find()).isFalse();
        assertThat(html).doesNotContain("<img", "<script", "onerror=alert(1)>")
                .contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;img+src=x+onerror=alert(2)&gt;");
        // in HTML a whole card is one line: the commands are what <code> and <pre> hold
        List<String> commands = Pattern.compile("(?s)<(code|pre)>(.*?)</\\1>").matcher(html).results().map(m -> m.group(2))
                .filter(c -> c.contains("appcmd") || c.contains("Get-WebAppPoolState")).toList();
        commandsAreSafe(html, commands);
    }

    private static void commandsAreSafe(String report) {
        commandsAreSafe(report, report.lines().filter(l -> l.contains("appcmd") || l.contains("Get-WebAppPoolState")).toList());
    }

    /** No command running appcmd or a PowerShell cmdlet carries a hostile queue name; the steps name it instead. */
    private static void commandsAreSafe(String report, List<String> commands) {
        assertThat(commands).isNotEmpty();
        assertThat(commands).allSatisfy(l -> assertThat(l).doesNotContain("calc.exe", "$(calc)", "&amp;calc"));
        assertThat(report).contains("appPool, see the evidence", "characters a shell would interpret");
    }
}
