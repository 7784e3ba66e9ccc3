package org.iisdiag.evidence.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

import org.iisdiag.evidence.EvidenceReader;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.ancm.AncmLogReader;
import org.iisdiag.evidence.config.WebConfigReader;
import org.iisdiag.evidence.env.EnvReader;
import org.iisdiag.evidence.eventlog.EventLogReader;
import org.iisdiag.evidence.freb.FrebReader;
import org.iisdiag.evidence.har.HarReader;
import org.iisdiag.facts.EvidenceKind;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10: no pattern of the case-folder readers can blow up. Each reader gets a 10 MB line or value made
 * of the fragments its patterns look for (the ANCM line that hung for 53 s at 100 KB among them) and must
 * finish within a second of CPU time. Also: output does not depend on the default locale, a CSV header over 8 KB works,
 * and env.yaml refuses a duplicated key and a second document.
 */
public class ReaderTimingTest {
    static final int TEN_MB = 10_000_000;

    static String fill(String fragment) {
        return fragment.repeat(TEN_MB / fragment.length());
    }

    static ReadReport read(EvidenceReader reader, String name, String text) throws Exception {
        ReadReport r = new ReadReport(name, EvidenceKind.UNKNOWN);
        reader.read(name, "", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), r);
        reader.facts();
        return r;
    }

    /**
     * At most a second of this thread's CPU time (a blow-up burns CPU; other processes on the machine do
     * not count against it), and never more than 30 s on the wall clock, so a hang still ends the test.
     * The best of three runs counts: a pattern that blows up is slow every time, while a machine busy
     * with other builds (compiler threads starved, caches shared) only makes some runs slow.
     */
    public static void withinASecond(String what, Supplier<Object> work) {
        work.get(); // warm up the classes once, so the clock measures the patterns
        long cpu = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long best = Long.MAX_VALUE;
            for (int run = 0; run < 3 && best >= 1_000_000_000L; run++) {
                long before = threads.getCurrentThreadCpuTime();
                work.get();
                best = Math.min(best, threads.getCurrentThreadCpuTime() - before);
            }
            return best;
        }, what);
        assertThat(cpu).as("%s: CPU time in ns", what).isLessThan(1_000_000_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"address already i", "Failed to bind to addres", "The framework 'x", "Unhandled exception. A",
            "Now listening on: ", "System.BadImageFormatException", "Could not load file or assembly", "a", " ",
            "eyJ", "password=", "--key ", "https://a:b"})
    void ancmLine(String fragment) {
        String line = fill(fragment) + "\n";
        withinASecond(fragment, () -> call(() -> read(new AncmLogReader(), "stdout_20250109100000_1.log", line)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"commandline '", "Application '", "application pool '", "Exception message: ", "Event code: ",
            "   ", "Bearer abcdefgh12 ", "&lt;", "eyJ"})
    void eventXmlAndCsvValues(String fragment) {
        String value = fill(fragment.replace("&lt;", "&amp;lt;")).replace("<", "&lt;");
        String xml = "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider Name=\"IIS AspNetCore"
                + " Module V2\"/><EventID>1000</EventID></System><EventData><Data>" + value + "</Data></EventData></Event>\n";
        withinASecond(fragment, () -> call(() -> read(new EventLogReader(), "e.xml", xml)));
        String csv = "\"Message\",\"Id\",\"ProviderName\"\r\n\"" + fill(fragment).replace("\"", "\"\"") + "\",\"1309\",\"ASP.NET 4.0\"\r\n";
        withinASecond(fragment + " csv", () -> call(() -> read(new EventLogReader(), "e.csv", csv)));
    }

    @Test
    void configFrebHarAndEnvValues() {
        String attr = fill("--password x ");
        withinASecond("web.config", () -> call(() -> read(new WebConfigReader(), "web.config",
                "<configuration><system.webServer><aspNetCore processPath=\"d\" arguments=\"" + attr + "\"/></system.webServer></configuration>")));
        withinASecond("freb", () -> call(() -> read(new FrebReader(), "fr1.xml",
                "<failedRequest url=\"http://x/?" + fill("a=") + "\" statusCode=\"500\"/>")));
        withinASecond("har", () -> call(() -> read(new HarReader(), "a.har",
                "{\"log\":{\"entries\":[{\"request\":{\"url\":\"https://x/?" + fill("%3F") + "\"},\"response\":{\"status\":500}}]}}")));
        withinASecond("env.yaml", () -> call(() -> new EnvReader().read(new ByteArrayInputStream(
                ("reported:\n  description: \"" + fill("x") + "\"\n").getBytes(StandardCharsets.UTF_8)), new ReadReport("env.yaml", EvidenceKind.ENV_YAML))));
    }

    /**
     * Fuzz finding: ChangeTime's replaceFirst("\\s*UTC$") was quadratic on a long run of spaces (50 s at 380 KB).
     * 300,000 spaces: quadratic would be about 30 s, while reading them (three YAML passes) is a few tenths of a
     * second; a million spaces put the linear cost itself near the one-second budget on a slow machine.
     */
    @Test
    void anEnvYamlChangeTimeWithALongRunOfSpaces() {
        String yaml = "changes:\n  - when: \"2025-03-04" + " ".repeat(300_000) + "x\"\n    what: deployment\n";
        withinASecond("env.yaml when", () -> call(() -> {
            ReadReport r = new ReadReport("env.yaml", EvidenceKind.ENV_YAML);
            new EnvReader().read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), r);
            // the change is rejected at its line, the message cut; the rest of the file is used
            assertThat(r.problems()).singleElement().satisfies(p ->
                    assertThat(p.reason()).contains("is not a date-time").hasSizeLessThan(300));
            return r;
        }));
    }

    @Test
    void messagesAndNumbersDoNotDependOnTheDefaultLocale() throws Exception {
        Locale before = Locale.getDefault();
        String badXml = "<configuration><a></b></configuration>";
        String bigCsv = "\"Message\",\"Id\",\"ProviderName\"\r\n\"" + "x".repeat(40_000) + "\",\"1\",\"P\"\r\n";
        String root;
        String german;
        try {
            Locale.setDefault(Locale.ROOT);
            root = read(new WebConfigReader(), "web.config", badXml).fatalError() + read(new EventLogReader(), "e.csv", bigCsv).notes();
            Locale.setDefault(Locale.GERMANY);
            german = read(new WebConfigReader(), "web.config", badXml).fatalError() + read(new EventLogReader(), "e.csv", bigCsv).notes();
        } finally {
            Locale.setDefault(before);
        }
        assertThat(german).isEqualTo(root).contains("32,768").doesNotContain("32.768");
        assertThat(root).contains("web.config:1: not well-formed XML: Unexpected close tag </b>");
    }

    @Test
    void aCsvHeaderOver8KbWorks() throws Exception {
        StringBuilder header = new StringBuilder("\"Message\",\"Id\",\"ProviderName\",\"TimeCreated\"");
        for (int i = 0; header.length() < 20_000; i++) {
            header.append(",\"Extra").append(i).append('"');
        }
        ReadReport r = read(new EventLogReader(), "e.csv", "#TYPE " + "x".repeat(20_000) + "\r\n" + header
                + "\r\n\"boom\",\"1000\",\"Application Error\",\"1/9/2025 10:00:00 AM\"\r\n");
        assertThat(r.failed()).as(r.fatalError()).isFalse();
        assertThat(r.entries()).isEqualTo(1);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void envYamlRefusesADuplicatedKeyAndASecondDocument() throws Exception {
        ReadReport dup = new ReadReport("case/env.yaml", EvidenceKind.ENV_YAML);
        new EnvReader().read(new ByteArrayInputStream("server:\n  name: A\n  name: B\n".getBytes(StandardCharsets.UTF_8)), dup);
        assertThat(dup.fatalError()).startsWith("case/env.yaml:3: ").contains("Duplicate field 'name'");
        ReadReport two = new ReadReport("case/env.yaml", EvidenceKind.ENV_YAML);
        new EnvReader().read(new ByteArrayInputStream("server:\n  name: A\n---\nserver:\n  name: B\n".getBytes(StandardCharsets.UTF_8)), two);
        assertThat(two.fatalError()).startsWith("case/env.yaml:4: ").contains("a second YAML document");
    }

    interface Work {
        Object run() throws Exception;
    }

    static Object call(Work w) {
        try {
            return w.run();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
