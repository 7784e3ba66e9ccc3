package org.iisdiag.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import org.iisdiag.casefolder.CaseFolder;
import org.iisdiag.casefolder.EvidenceSniffer;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.EvidenceSource;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.ServerEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceCollectorTest {
    static final String HEADER = """
            #Software: Microsoft Internet Information Services 10.0
            #Version: 1.0
            #Date: 2025-01-09 10:00:00
            #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
            """;
    static final String GOOD_LOG = HEADER + """
            2025-01-09 10:00:00 10.0.0.10 GET /app/page - 443 - 10.0.0.5 Mozilla/5.0 - 500 19 13 15
            2025-01-09 10:00:01 10.0.0.10 GET /app/page - 443 - 10.0.0.5 Mozilla/5.0 - 500 19 13 17
            2025-01-09 10:00:02 10.0.0.10 GET / - 443 - 10.0.0.5 Mozilla/5.0 - 200 0 0 3
            """;

    @TempDir
    Path root;

    private void write(String name, byte[] bytes) throws IOException {
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }

    private void write(String name, String text) throws IOException {
        write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A gzip'd IIS log of 404s, cut in the middle of the deflate stream (header intact). */
    private static byte[] truncatedGzipLog() throws IOException {
        StringBuilder log = new StringBuilder(HEADER);
        Random random = new Random(42);
        for (int i = 0; i < 4000; i++) {
            log.append("2025-01-10 10:").append(String.format("%02d:%02d", (i / 60) % 60, i % 60))
                    .append(" 10.0.0.10 GET /missing/").append(Long.toHexString(random.nextLong()))
                    .append(" - 443 - 10.0.0.").append(random.nextInt(250)).append(" Mozilla/5.0 - 404 0 2 ")
                    .append(random.nextInt(100)).append('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(log.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = out.toByteArray();
        assertThat(whole.length).as("big enough that the cut is past the sniffed head").isGreaterThan(
                4 * EvidenceSniffer.HEAD_BYTES);
        return Arrays.copyOf(whole, whole.length / 2);
    }

    private static ReadReport report(CaseEvidence ev, String file) {
        return ev.reports().stream().filter(r -> r.file().equals(file)).findFirst()
                .orElseThrow(() -> new AssertionError("no report for " + file + " in "
                        + ev.reports().stream().map(ReadReport::file).toList()));
    }

    @Test
    void oneBadFileDoesNotStopTheCase() throws Exception {
        write("W3SVC1/u_ex250109.log", GOOD_LOG);
        write("W3SVC2/u_ex250110.log.gz", truncatedGzipLog());
        write("env.yaml", "server:\n  name: WEB01\n  internetFacing: true\n");
        write("other/env.yaml", "server:\n  name: WEB99\n");
        write("site/access.log", "10.0.0.5 - - [09/Jan/2025:10:00:00 +0000] \"GET / HTTP/1.1\" 200 1234\n");
        write("notes.txt", "the customer says it is slow\n");
        write("broken.zip", "PK\u0003\u0004 not a zip");

        CaseFolder.Scan scan = CaseFolder.scan(root);
        CaseEvidence ev = new EvidenceCollector().collect("case-1", scan);

        assertThat(ev.caseFolder()).isEqualTo("case-1");
        assertThat(ev.reports()).extracting(ReadReport::file).containsExactly(
                "W3SVC1/u_ex250109.log", "W3SVC2/u_ex250110.log.gz", "broken.zip", "env.yaml", "notes.txt",
                "other/env.yaml", "site/access.log");

        // the good log is read and aggregated
        ReadReport good = report(ev, "W3SVC1/u_ex250109.log");
        assertThat(good.failed()).isFalse();
        assertThat(good.kind()).isEqualTo(EvidenceKind.IIS_W3C_LOG);
        assertThat(good.entries()).isEqualTo(3);
        assertThat(good.rejected()).isZero();
        assertThat(ev.statusCounts()).filteredOn(c -> c.status() == 500).singleElement().satisfies(c -> {
            assertThat(c.site()).isEqualTo("W3SVC1");
            assertThat(c.substatus()).isEqualTo(19);
            assertThat(c.win32()).isEqualTo(13);
            assertThat(c.count()).isEqualTo(2);
        });
        assertThat(ev.window()).isPresent();

        // the truncated gzip fails with a clear message; what was read before the cut is counted
        ReadReport cut = report(ev, "W3SVC2/u_ex250110.log.gz");
        assertThat(cut.failed()).isTrue();
        assertThat(cut.kind()).isEqualTo(EvidenceKind.IIS_W3C_LOG);
        assertThat(cut.fatalError()).startsWith("cannot read (corrupt or truncated compressed file): ")
                .contains("Unexpected end of ZLIB input stream");
        assertThat(cut.lines()).isPositive();
        assertThat(cut.fatalError()).contains("(the first " + cut.lines() + " lines were read and are counted)");
        long counted404 = ev.statusCounts().stream().filter(c -> c.status() == 404).mapToLong(IisStatusCount::count).sum();
        assertThat(counted404).isEqualTo(cut.entries()).isPositive().isLessThan(4000);
        assertThat(ev.statusCounts()).filteredOn(c -> c.status() == 404).allSatisfy(c -> assertThat(c.site()).isEqualTo("W3SVC2"));

        // the first env.yaml is used, the second reported
        assertThat(report(ev, "env.yaml").failed()).isFalse();
        assertThat(ev.env().server().serverName()).isEqualTo("WEB01");
        ReadReport second = report(ev, "other/env.yaml");
        assertThat(second.failed()).isTrue();
        assertThat(second.fatalError()).contains("second env.yaml");

        // unsupported kinds are listed, not failed, not read
        ReadReport config = report(ev, "site/access.log");
        assertThat(config.kind()).isEqualTo(EvidenceKind.IIS_NATIVE_LOG);
        assertThat(config.kind().supported()).isFalse();
        assertThat(config.failed()).isFalse();
        assertThat(config.lines()).isZero();
        ReadReport notes = report(ev, "notes.txt");
        assertThat(notes.kind()).isEqualTo(EvidenceKind.UNKNOWN);
        assertThat(notes.failed()).isFalse();

        // a file the scan could not open is a failed report
        ReadReport zip = report(ev, "broken.zip");
        assertThat(zip.failed()).isTrue();
        assertThat(zip.fatalError()).startsWith("corrupt archive");

        // evidence sources only for readable supported kinds
        assertThat(ev.sources()).extracting(EvidenceSource::kind)
                .containsExactlyInAnyOrder(EvidenceKind.IIS_W3C_LOG, EvidenceKind.ENV_YAML);
        EvidenceSource iis = ev.sources().stream().filter(s -> s.kind() == EvidenceKind.IIS_W3C_LOG).findFirst().orElseThrow();
        assertThat(iis.files()).isEqualTo(1);
        assertThat(iis.lines()).isEqualTo(good.lines());
        EvidenceSource env = ev.sources().stream().filter(s -> s.kind() == EvidenceKind.ENV_YAML).findFirst().orElseThrow();
        assertThat(env.files()).isEqualTo(1);

        assertThat(ev.facts()).contains(ev.env().server()).containsAll(ev.sources()).containsAll(ev.statusCounts());
        assertThat(ev.facts()).filteredOn(f -> f instanceof ServerEnvironment).hasSize(1);
    }

    @Test
    void aFailedEnvYamlIsNotAnEvidenceSource() throws Exception {
        write("env.yaml", "server:\n  name: WEB01\n   iisVersion: 10\n");
        write("u_ex1.log", GOOD_LOG);
        CaseEvidence ev = new EvidenceCollector().collect("c", CaseFolder.scan(root));
        ReadReport env = report(ev, "env.yaml");
        assertThat(env.failed()).isTrue();
        assertThat(env.fatalError()).startsWith("env.yaml:3: ");
        assertThat(ev.env().server()).isEqualTo(ServerEnvironment.unknown());
        assertThat(ev.sources()).extracting(EvidenceSource::kind).containsExactly(EvidenceKind.IIS_W3C_LOG);
    }

    @Test
    void anEnvYamlWithATypoKeepsItsValidKeys() throws Exception {
        write("env.yaml", "server:\n  nmae: WEB01\n  iisVersion: '10.0'\n");
        write("u_ex1.log", GOOD_LOG);
        CaseEvidence ev = new EvidenceCollector().collect("c", CaseFolder.scan(root));
        ReadReport env = report(ev, "env.yaml");
        assertThat(env.failed()).isFalse();
        assertThat(env.problems()).extracting(p -> p.location() + ": " + p.reason())
                .singleElement().asString().startsWith("env.yaml:2: unknown key 'nmae'");
        assertThat(ev.env().server().iisVersion()).isEqualTo("10.0");
        assertThat(ev.sources()).extracting(EvidenceSource::kind)
                .containsExactlyInAnyOrder(EvidenceKind.IIS_W3C_LOG, EvidenceKind.ENV_YAML);
    }

    @Test
    void anEmptyCase() throws Exception {
        CaseEvidence ev = new EvidenceCollector().collect("empty", CaseFolder.scan(root));
        assertThat(ev.reports()).isEmpty();
        assertThat(ev.sources()).isEmpty();
        assertThat(ev.statusCounts()).isEmpty();
        assertThat(ev.httpErrCounts()).isEmpty();
        assertThat(ev.window()).isEmpty();
        assertThat(ev.httpErrEntries()).isZero();
        assertThat(ev.facts()).containsExactly(ServerEnvironment.unknown());
    }

    @Test
    void httpErrAndIisLogsAreBothCounted() throws Exception {
        write("W3SVC1/u_ex1.log", GOOD_LOG);
        write("W3SVC1/u_ex2.log", GOOD_LOG.replace("2025-01-09", "2025-01-11"));
        write("HTTPERR/httperr1.log", """
                #Software: Microsoft HTTP API 2.0
                #Version: 1.0
                #Date: 2025-01-09 10:00:00
                #Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename
                2025-01-09 10:00:05 10.0.0.5 51234 10.0.0.10 443 HTTP/1.1 GET /app/x.aspx - 503 3 QueueFull DefaultAppPool
                2025-01-09 10:00:06 10.0.0.5 51235 10.0.0.10 443 HTTP/1.1 GET /app/x.aspx - 503 3 QueueFull DefaultAppPool
                """);
        CaseEvidence ev = new EvidenceCollector().collect("c", CaseFolder.scan(root));
        assertThat(ev.reports()).noneMatch(ReadReport::failed);
        assertThat(ev.sources()).containsExactlyInAnyOrder(
                new EvidenceSource(EvidenceKind.IIS_W3C_LOG, 2, 14),
                new EvidenceSource(EvidenceKind.HTTPERR_LOG, 1, 6));
        assertThat(ev.httpErrEntries()).isEqualTo(2);
        assertThat(ev.httpErrCounts()).singleElement().satisfies(h -> {
            assertThat(h.reason()).isEqualTo("QueueFull");
            assertThat(h.count()).isEqualTo(2);
        });
        assertThat(ev.statusCounts()).filteredOn(c -> c.status() == 500).singleElement()
                .satisfies(c -> assertThat(c.count()).isEqualTo(4));
    }
}
