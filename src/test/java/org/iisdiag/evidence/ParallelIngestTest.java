package org.iisdiag.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.iisdiag.casefolder.CaseFolder;
import org.iisdiag.evidence.w3c.LogLayouts;
import org.iisdiag.facts.IisStatusCount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a case on any number of threads gives exactly the same evidence: generated logs (header
 * blocks re-emitted after restarts, an incident), Beats' real fixtures, a .gz copy, a file whose field
 * list changes mid-file and lines that no #Fields describes, all cut into small blocks so that every
 * kind of line falls on both sides of a block border.
 */
class ParallelIngestTest {
    private static final int SMALL_BLOCKS = 64 * 1024;

    @TempDir
    static Path caseDir;

    @BeforeAll
    static void buildCase() throws Exception {
        Path gen = Path.of(System.getProperty("iisdiag.home", ".")).resolve("../shared/tools/gen-iis-logs.py").normalize();
        assumeTrue(Files.isRegularFile(gen), "generator not found at " + gen);
        Process p = new ProcessBuilder("python3", gen.toString(), "--lines", "30000", "--seed", "5", "--files", "2",
                "--restarts-per-day", "4", "--incident", "503-burst", "--out", caseDir.resolve("gen/W3SVC1").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        Path someLog;
        try (Stream<Path> s = Files.list(caseDir.resolve("gen/W3SVC1"))) {
            someLog = s.filter(f -> f.getFileName().toString().startsWith("u_ex")).sorted().findFirst().orElseThrow();
        }
        // the same log plain and gzipped, each in a site folder of its own
        Files.copy(someLog, Files.createDirectories(caseDir.resolve("plain/W3SVC8")).resolve("u_ex.log"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(
                Files.createDirectories(caseDir.resolve("gz/W3SVC7")).resolve("u_ex.log.gz")))) {
            Files.copy(someLog, out);
        }
        Path real = Fixtures.path("real");
        Files.createDirectories(caseDir.resolve("real"));
        try (Stream<Path> s = Files.list(real)) {
            for (Path f : s.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                Files.copy(f, caseDir.resolve("real").resolve(f.getFileName()));
            }
        }
        Files.writeString(Files.createDirectories(caseDir.resolve("mixed")).resolve("u_ex.log"), mixedLayouts(),
                StandardCharsets.UTF_8);
        Files.writeString(caseDir.resolve("manifest.json"), "{}"); // unrecognised, listed
    }

    /** 4,000 lines under one #Fields, then a field list with s-sitename, with headerless and malformed lines between. */
    private static String mixedLayouts() {
        StringBuilder b = new StringBuilder("#Software: Microsoft Internet Information Services 10.0\n#Fields: date time s-ip"
                + " cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus"
                + " sc-win32-status time-taken\n");
        for (int i = 0; i < 4000; i++) {
            b.append(String.format("2025-01-09 10:%02d:%02d 10.0.0.10 GET /p%d - 443 - 10.0.0.%d Mozilla/5.0 - %d 0 0 %d%n",
                    i / 60 % 60, i % 60, i % 37, i % 200, i % 9 == 0 ? 500 : 200, i % 1000));
            if (i % 500 == 7) {
                b.append("2025-01-09 10:00:00 W3SVC2 WEB02 10.0.0.11 GET /x - 443 - 10.0.0.5 Mozilla/5.0 - h.contoso.com 503 0 0 4\n");
                b.append("2025-01-09 10:00:00 garbage line\n");
            }
        }
        b.append("#Fields: date time s-sitename cs-method cs-uri-stem sc-status sc-substatus sc-win32-status time-taken\n");
        for (int i = 0; i < 4000; i++) {
            b.append(String.format("2025-01-09 11:%02d:%02d W3SVC%d GET /q%d %d %d 0 %d%n", i / 60 % 60, i % 60, i % 3 + 3,
                    i % 41, i % 7 == 0 ? 404 : 200, i % 7 == 0 ? 2 : 0, i));
        }
        return b.toString();
    }

    @Test
    void theEvidenceIsTheSameForAnyNumberOfThreads() throws Exception {
        String one = describe(collect(0, SMALL_BLOCKS));
        assertThat(one).contains("mixed/u_ex.log").contains("layout iis-sitename-computername-host")
                .contains("#Fields at line 2 lists 15");
        for (int threads : new int[] {1, 2, 3, 8}) {
            assertThat(describe(collect(threads, SMALL_BLOCKS))).as(threads + " threads").isEqualTo(one);
        }
    }

    @Test
    void countsLinesProblemsAndSamplesDoNotDependOnTheBlockSize() throws Exception {
        CaseEvidence small = collect(2, SMALL_BLOCKS);
        CaseEvidence whole = collect(2, 64 << 20); // each file in one block: a plain sequential read
        assertThat(exact(small)).isEqualTo(exact(whole));
        // the field list of mixed/u_ex.log changes after 4,000 lines: lines after it are counted for their sites
        assertThat(small.statusCounts()).filteredOn(c -> c.site().equals("W3SVC3") && c.status() == 404)
                .singleElement().satisfies(c -> assertThat(c.samples().get(0).file()).isEqualTo("mixed/u_ex.log"));
        ReadReport mixed = small.reports().stream().filter(r -> r.file().equals("mixed/u_ex.log")).findFirst().orElseThrow();
        assertThat(mixed.entries()).isEqualTo(8000 + 8);
        assertThat(mixed.rejected()).isEqualTo(8);
    }

    @Test
    void aGzipFileGivesTheSameCountsAsThePlainOne() throws Exception {
        CaseEvidence ev = collect(2, SMALL_BLOCKS);
        ReadReport gz = ev.reports().stream().filter(r -> r.file().endsWith(".gz")).findFirst().orElseThrow();
        ReadReport plain = ev.reports().stream().filter(r -> r.file().equals("plain/W3SVC8/u_ex.log")).findFirst().orElseThrow();
        assertThat(gz.failed()).isFalse();
        assertThat(List.of(gz.lines(), gz.entries(), gz.rejected(), gz.bytes()))
                .isEqualTo(List.of(plain.lines(), plain.entries(), plain.rejected(), plain.bytes()));
        assertThat(counts(ev, "W3SVC7")).isNotEmpty().isEqualTo(counts(ev, "W3SVC8"));
    }

    private static java.util.Map<String, Long> counts(CaseEvidence ev, String site) {
        return ev.statusCounts().stream().filter(c -> c.site().equals(site))
                .collect(Collectors.toMap(c -> c.code() + "/" + c.win32(), IisStatusCount::count, Long::sum, java.util.TreeMap::new));
    }

    private static CaseEvidence collect(int threads, int blockBytes) throws Exception {
        return new EvidenceCollector(threads, LogLayouts.builtIn(), blockBytes).collect("c", CaseFolder.scan(caseDir));
    }

    /** Everything a report shows of the evidence, in order. */
    static String describe(CaseEvidence ev) {
        return exact(ev) + ev.statusCounts().stream().map(c -> c.topUris().toString()).collect(Collectors.joining("\n"))
                + ev.httpErrCounts().stream().map(c -> c.topUris().toString()).collect(Collectors.joining("\n"));
    }

    /** What must not depend on how files are cut: all but the URI sketches. */
    static String exact(CaseEvidence ev) {
        StringBuilder b = new StringBuilder();
        for (ReadReport r : ev.reports()) {
            b.append(r.file()).append(' ').append(r.kind()).append(' ').append(r.lines()).append(' ').append(r.entries())
                    .append(' ').append(r.rejected()).append(' ').append(r.bytes()).append(' ').append(r.fatalError())
                    .append('\n').append(r.problems()).append('\n').append(r.notes()).append('\n');
        }
        ev.statusCounts().forEach(c -> b.append(c.server()).append('|').append(c.site()).append('|').append(c.code())
                .append('|').append(c.win32()).append('|').append(c.count()).append('|').append(c.firstSeen()).append('|')
                .append(c.lastSeen()).append('|').append(c.samples()).append('|').append(c.timeTaken()).append('\n'));
        ev.httpErrCounts().forEach(c -> b.append(c.server()).append('|').append(c.reason()).append('|').append(c.status())
                .append('|').append(c.siteId()).append('|').append(c.queue()).append('|').append(c.count()).append('|')
                .append(c.samples()).append('\n'));
        b.append(ev.timeTaken()).append('\n').append(ev.window()).append('\n').append(ev.peakServerErrorMinutes()).append('\n')
                .append(ev.otherFacts()).append('\n');
        return b.toString();
    }
}
