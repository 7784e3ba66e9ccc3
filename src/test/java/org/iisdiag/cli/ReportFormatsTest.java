package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.iisdiag.TestPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Markdown and HTML reports: same content as the text report, escaped, self-contained, stable. */
class ReportFormatsTest {
    private static final String SAMPLE = TestPack.cases().resolve("503-rapid-fail").toString();

    private static CliRun diagnose(String... args) {
        return CliRun.withPack("diagnose", args);
    }

    @Test
    void htmlIsSelfContainedAndCarriesTheRankedActions() {
        CliRun run = diagnose(SAMPLE, "--format", "html");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = run.out();
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                .contains("<h2>Verdict: ", "<h2>Actions (", "<h2>Diagnoses (", "<h2>Open questions (", "<h2>Inputs (")
                .contains("1. Check whether application pool ApiAppPool is running")
                .doesNotContain("<script", "src=\"http", "href=\"http", "<link", "@import");
        // the verdict first, then the actions in their order, then the diagnoses behind them
        assertThat(html.indexOf("<h2>Verdict: ")).isLessThan(html.indexOf("<h2>Actions ("));
        assertThat(html.indexOf("<h2>Actions (")).isLessThan(html.indexOf("<h2>Diagnoses ("));
        assertThat(html.indexOf("check-app-pool-state")).isLessThan(html.indexOf("capture-hang-dumps"));
        assertThat(diagnose(SAMPLE, "--format", "html").out()).isEqualTo(html);
    }

    @Test
    void markdownHasTheSameSections() {
        CliRun run = diagnose(SAMPLE, "--format", "md");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("# Diagnosis of `").contains("## Verdict: critical", "## Case summary", "## Actions (",
                "## Diagnoses (", "### 1. Check whether application pool ApiAppPool is running", "`HTTPERR/httperr1.log:190`");
        assertThat(run.out().indexOf("## Verdict: ")).isLessThan(run.out().indexOf("## Actions ("));
    }

    @Test
    void markdownAtNormalDetailFitsAGitHubIssueBody() {
        // GitHub takes 65,536 characters in an issue body; the README's sample keeps a margin below that
        CliRun run = diagnose(SAMPLE, "--format", "md", "--detail", "normal");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().length()).isLessThan(60_000);
        // actions past the fifth are in brief: no steps, no order reasons, and they say where the rest is
        assertThat(run.out()).contains("### 6. ", "run with --detail full");
        String sixth = run.out().substring(run.out().indexOf("### 6. "), run.out().indexOf("### 7. "));
        assertThat(sixth).doesNotContain("**Steps**", "Order: ");
    }

    @Test
    void hostileContentFromTheCaseIsEscaped(@TempDir Path tmp) throws Exception {
        Path log = tmp.resolve("W3SVC1/u_ex250109.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, """
                #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
                2025-01-09 10:00:01 10.0.0.10 GET /<script>alert(1)</script> q=<img+src=x+onerror=alert(2)> 443 - 10.0.0.5 Mozilla/5.0 - 500 0 0 120
                """);
        CliRun html = diagnose(tmp.toString(), "--format", "html");
        assertThat(html.exitCode()).isZero();
        assertThat(html.out()).doesNotContain("<script>", "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        CliRun md = diagnose(tmp.toString(), "--format", "md");
        // inside code spans and fenced blocks HTML is shown as text; anywhere else it must be escaped
        String outsideCode = md.out().replaceAll("(?s)```.*?```", "").replaceAll("``[^`]*``|`[^`]*`", "");
        assertThat(md.out()).contains("<img+src");
        assertThat(outsideCode).doesNotContain("<img", "<script");
    }
}
