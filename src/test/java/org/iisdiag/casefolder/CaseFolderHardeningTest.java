package org.iisdiag.casefolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.iisdiag.evidence.CaseEvidence;
import org.iisdiag.evidence.EvidenceCollector;
import org.iisdiag.evidence.Limits;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.EvidenceKind;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10: odd entries in a case folder are listed, never followed, opened twice or read without end. */
class CaseFolderHardeningTest {
    @TempDir
    Path root;

    private CaseEvidence collect() throws CaseFolderException {
        return new EvidenceCollector().collect("case", CaseFolder.scan(root));
    }

    private static ReadReport report(CaseEvidence e, String name) {
        return e.reports().stream().filter(r -> r.file().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + e.reports().stream().map(ReadReport::file).toList()));
    }

    @Test
    void symlinksAreListedAndNeverFollowed() throws Exception {
        CaseFolderTest.write(root, "W3SVC1/u_ex1.log", CaseFolderTest.IIS_LOG);
        try {
            Files.createSymbolicLink(root.resolve("loop"), root);
            Files.createSymbolicLink(root.resolve("etc.log"), Path.of("/etc/passwd"));
            Files.createSymbolicLink(root.resolve("dangling.log"), root.resolve("nowhere"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here: " + e);
        }
        CaseEvidence e = collect();
        for (String name : List.of("loop", "etc.log", "dangling.log")) {
            ReadReport r = report(e, name);
            assertThat(r.kind()).as(name).isEqualTo(EvidenceKind.SYMLINK);
            assertThat(r.kind().label()).isEqualTo("symlink, not followed");
            assertThat(r.lines()).isZero();
        }
        assertThat(e.reports()).extracting(ReadReport::file).doesNotContain("loop/W3SVC1/u_ex1.log");
    }

    @Test
    void aFifoNamedLikeALogIsListedAndNeverOpened() throws Exception {
        Path fifo = root.resolve("u_ex250101.log");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            Assumptions.abort("no mkfifo: " + e);
            return;
        }
        Assumptions.assumeTrue(p.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        // opening a FIFO with no writer blocks forever: the scan must not try
        CaseEvidence e = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), this::collect);
        assertThat(report(e, "u_ex250101.log").kind()).isEqualTo(EvidenceKind.SPECIAL_FILE);
    }

    @Test
    void twoZipEntriesWithOneNameAreEachReadOnce() throws Exception {
        byte[] zip = zip(List.of(new Object[] {"logs/u_ex1.log", CaseFolderTest.IIS_LOG},
                new Object[] {"logs/u_ex1.log", CaseFolderTest.HTTPERR_LOG}));
        CaseFolderTest.write(root, "case.zip", zip);
        CaseFolder.Scan scan = CaseFolder.scan(root);
        CaseFile first = CaseFolderTest.file(scan, "case.zip!/logs/u_ex1.log");
        CaseFile second = CaseFolderTest.file(scan, "case.zip!/logs/u_ex1.log#2");
        assertThat(CaseFolderTest.read(first)).isEqualTo(CaseFolderTest.IIS_LOG);
        assertThat(CaseFolderTest.read(second)).isEqualTo(CaseFolderTest.HTTPERR_LOG);
        assertThat(first.kind()).isEqualTo(EvidenceKind.IIS_W3C_LOG);
        assertThat(second.kind()).isEqualTo(EvidenceKind.HTTPERR_LOG);
        assertThat(first.notes()).singleElement().asString().contains("2 entries named logs/u_ex1.log");
    }

    @Test
    void zipSlipNamesAreRefusedAndListed() throws Exception {
        CaseFolderTest.write(root, "evil.zip", zip(List.of(new Object[] {"../../etc/u_ex1.log", CaseFolderTest.IIS_LOG},
                new Object[] {"/abs/u_ex2.log", CaseFolderTest.IIS_LOG}, new Object[] {"ok/u_ex3.log", CaseFolderTest.IIS_LOG})));
        CaseEvidence e = collect();
        assertThat(report(e, "evil.zip!/../../etc/u_ex1.log").fatalError()).contains("zip slip");
        assertThat(report(e, "evil.zip!//abs/u_ex2.log").fatalError()).contains("zip slip");
        assertThat(report(e, "evil.zip!/ok/u_ex3.log").failed()).isFalse();
    }

    @Test
    void aZipBombStopsAtTheRatioLimitWithANoteAndKeepsWhatWasRead() throws Exception {
        // 200 MiB of one log line repeated deflates about 300:1; reading stops at 200:1, before the end
        String line = "2025-01-09 10:00:00 10.0.0.1 GET /a - 443 - 10.0.0.2 UA - 500 0 0 15\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("u_ex250109.log"));
            z.write(("#Software: Microsoft Internet Information Services 10.0\n#Fields: date time s-ip cs-method"
                    + " cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status"
                    + " sc-substatus sc-win32-status time-taken\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = line.repeat(16_384).getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < 200L << 20; written += chunk.length) {
                z.write(chunk);
            }
            z.closeEntry();
        }
        CaseFolderTest.write(root, "bomb.zip", bytes.toByteArray());
        CaseFile f = CaseFolderTest.file(CaseFolder.scan(root), "bomb.zip!/u_ex250109.log");
        long read;
        try (InputStream in = f.open()) {
            read = in.transferTo(OutputStream.nullOutputStream());
        }
        assertThat(read).isGreaterThan(Limits.RATIO_FLOOR_BYTES).isLessThan(200L << 20);
        assertThat(f.notes()).singleElement().asString().startsWith("limit compression-ratio (200) reached");
        ReadReport r = report(new EvidenceCollector().collect("case", CaseFolder.scan(root)), "bomb.zip!/u_ex250109.log");
        assertThat(r.failed()).isFalse();
        assertThat(r.entries()).isGreaterThan(100_000);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("limit compression-ratio"));
    }

    @Test
    void aWebConfigWhoseRootComesAfterALongCommentIsStillAWebConfig() throws Exception {
        String config = "<?xml version=\"1.0\"?>\n<!--" + " generated by a tool\n".repeat(2_000) + "-->\n"
                + "<configuration><system.webServer><httpErrors errorMode=\"Detailed\"/></system.webServer></configuration>\n";
        CaseFolderTest.write(root, "site/web.config", config);
        CaseEvidence e = collect();
        ReadReport r = report(e, "site/web.config");
        assertThat(r.kind()).isEqualTo(EvidenceKind.WEB_CONFIG);
        assertThat(r.entries()).as("its httpErrors setting and what its system.webServer sets").isEqualTo(2);
    }

    @Test
    void outInsideTheCaseFolderIsRecognisedThroughLinksAndRelativePaths() throws Exception {
        Path caseDir = Files.createDirectories(root.resolve("case"));
        assertThat(CaseFolder.contains(caseDir, caseDir.resolve("report.json"))).isTrue();
        assertThat(CaseFolder.contains(caseDir, caseDir)).isTrue();
        assertThat(CaseFolder.contains(caseDir, caseDir.resolve("sub/../../case/x/y.md"))).isTrue();
        assertThat(CaseFolder.contains(caseDir, root.resolve("report.json"))).isFalse();
        assertThat(CaseFolder.contains(caseDir, root.resolve("case-report.json"))).isFalse();
        try {
            Path link = Files.createSymbolicLink(root.resolve("link"), caseDir);
            assertThat(CaseFolder.contains(caseDir, link.resolve("r.html"))).isTrue();
            assertThat(CaseFolder.contains(link, caseDir.resolve("r.html"))).isTrue();
        } catch (UnsupportedOperationException | IOException e) {
            // no links on this file system: the rest was checked
        }
        Path relative = Path.of("").toAbsolutePath().relativize(caseDir.resolve("out.txt"));
        assertThat(CaseFolder.contains(caseDir, relative)).isTrue();
    }

    static byte[] zip(List<Object[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Object[] e : entries) {
                // ZipOutputStream refuses a duplicate name: write the second under a same-length placeholder
                String name = (String) e[0];
                zip.putNextEntry(new ZipEntry(name));
                zip.write(((String) e[1]).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (java.util.zip.ZipException dup) {
            return zipWithDuplicates(entries);
        }
        return out.toByteArray();
    }

    /** Writes the entries under unique placeholder names, then patches the names in the bytes. */
    private static byte[] zipWithDuplicates(List<Object[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < entries.size(); i++) {
                String name = (String) entries.get(i)[0];
                zip.putNextEntry(new ZipEntry(placeholder(name, i)));
                zip.write(((String) entries.get(i)[1]).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        String bytes = out.toString(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < entries.size(); i++) {
            String name = (String) entries.get(i)[0];
            bytes = bytes.replace(placeholder(name, i), name);
        }
        return bytes.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String placeholder(String name, int i) {
        return name.substring(0, name.length() - 1) + (char) ('A' + i);
    }
}
