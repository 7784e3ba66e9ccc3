package org.iisdiag.casefolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.iisdiag.facts.EvidenceKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseFolderTest {
    static final String IIS_LOG = EvidenceSnifferTest.IIS_LOG;
    static final String HTTPERR_LOG = EvidenceSnifferTest.HTTPERR_LOG;

    @TempDir
    Path root;

    static Path write(Path root, String name, String text) throws IOException {
        return write(root, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path root, String name, byte[] bytes) throws IOException {
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        return p;
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getValue() != null) {
                    zip.write(e.getValue());
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static String read(CaseFile f) throws IOException {
        try (InputStream in = f.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, EvidenceKind> kinds(CaseFolder.Scan scan) {
        return scan.files().stream().collect(Collectors.toMap(CaseFile::name, CaseFile::kind, (a, b) -> a,
                LinkedHashMap::new));
    }

    static CaseFile file(CaseFolder.Scan scan, String name) {
        return scan.files().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + scan.files()));
    }

    @Test
    void nestedFoldersInSortedOrder() throws Exception {
        write(root, "z-last.txt", "note");
        write(root, "W3SVC2/u_ex250110.log", IIS_LOG);
        write(root, "W3SVC1/u_ex250109.log", IIS_LOG);
        write(root, "HTTPERR/httperr1.log", HTTPERR_LOG);
        write(root, "a/b/c/deep.log", IIS_LOG);
        write(root, "env.yaml", "server:\n  name: WEB01\n");

        CaseFolder.Scan scan = CaseFolder.scan(root);
        assertThat(scan.root()).isEqualTo(root);
        assertThat(scan.unreadable()).isEmpty();
        assertThat(kinds(scan)).containsExactly(
                Map.entry("HTTPERR/httperr1.log", EvidenceKind.HTTPERR_LOG),
                Map.entry("W3SVC1/u_ex250109.log", EvidenceKind.IIS_W3C_LOG),
                Map.entry("W3SVC2/u_ex250110.log", EvidenceKind.IIS_W3C_LOG),
                Map.entry("a/b/c/deep.log", EvidenceKind.IIS_W3C_LOG),
                Map.entry("env.yaml", EvidenceKind.ENV_YAML),
                Map.entry("z-last.txt", EvidenceKind.UNKNOWN));
        CaseFile log = file(scan, "W3SVC1/u_ex250109.log");
        assertThat(log.size()).isEqualTo(IIS_LOG.getBytes(StandardCharsets.UTF_8).length);
        assertThat(read(log)).isEqualTo(IIS_LOG);
        assertThat(read(log)).as("each open() is a fresh stream").isEqualTo(IIS_LOG);
    }

    @Test
    void scanIsDeterministic() throws Exception {
        for (String n : new String[] {"b.log", "a.log", "c/a.log", "B.log", "a-b.log"}) {
            write(root, n, IIS_LOG);
        }
        var first = CaseFolder.scan(root).files().stream().map(CaseFile::name).toList();
        assertThat(first).isSorted();
        assertThat(CaseFolder.scan(root).files().stream().map(CaseFile::name).toList()).isEqualTo(first);
    }

    @Test
    void hiddenFilesAndFoldersAreSkipped() throws Exception {
        write(root, ".hidden.log", IIS_LOG);
        write(root, ".git/config", "[core]\n");
        write(root, "logs/.DS_Store", "junk");
        write(root, "logs/.cache/u_ex1.log", IIS_LOG);
        write(root, "logs/u_ex1.log", IIS_LOG);
        CaseFolder.Scan scan = CaseFolder.scan(root);
        assertThat(scan.files()).extracting(CaseFile::name).containsExactly("logs/u_ex1.log");
        assertThat(scan.unreadable()).isEmpty();
    }

    @Test
    void aCaseFolderThatIsItselfHiddenIsStillScanned() throws Exception {
        Path hiddenRoot = root.resolve(".case");
        write(hiddenRoot, "u_ex1.log", IIS_LOG);
        assertThat(CaseFolder.scan(hiddenRoot).files()).extracting(CaseFile::name).containsExactly("u_ex1.log");
    }

    @Test
    void gzipIsDetectedByMagicBytes() throws Exception {
        byte[] gz = gzip(IIS_LOG);
        write(root, "W3SVC3/u_ex250109.log.gz", gz);
        write(root, "W3SVC3/u_ex250110.log.renamed", gz); // gzip without the .gz name
        write(root, "notgzip.log.gz", HTTPERR_LOG);       // .gz name, plain content
        CaseFolder.Scan scan = CaseFolder.scan(root);
        assertThat(scan.unreadable()).isEmpty();
        CaseFile real = file(scan, "W3SVC3/u_ex250109.log.gz");
        assertThat(real.kind()).isEqualTo(EvidenceKind.IIS_W3C_LOG);
        assertThat(real.size()).as("the size on disk").isEqualTo(gz.length);
        assertThat(read(real)).isEqualTo(IIS_LOG);
        assertThat(real.siteHint()).isEqualTo("W3SVC3");

        CaseFile renamed = file(scan, "W3SVC3/u_ex250110.log.renamed");
        assertThat(renamed.kind()).isEqualTo(EvidenceKind.IIS_W3C_LOG);
        assertThat(read(renamed)).isEqualTo(IIS_LOG);

        CaseFile plain = file(scan, "notgzip.log.gz");
        assertThat(plain.kind()).isEqualTo(EvidenceKind.HTTPERR_LOG);
        assertThat(read(plain)).isEqualTo(HTTPERR_LOG);
    }

    @Test
    void tinyFilesAreNotMistakenForGzip() throws Exception {
        write(root, "one-byte.log", new byte[] {0x1f});
        write(root, "empty.log", new byte[0]);
        CaseFolder.Scan scan = CaseFolder.scan(root);
        assertThat(scan.unreadable()).isEmpty();
        assertThat(kinds(scan)).containsOnly(Map.entry("empty.log", EvidenceKind.UNKNOWN),
                Map.entry("one-byte.log", EvidenceKind.UNKNOWN));
        assertThat(read(file(scan, "empty.log"))).isEmpty();
    }

    @Test
    void zipEntriesAreListedIncludingGzipInside() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("W3SVC12/u_ex250109.log", IIS_LOG.getBytes(StandardCharsets.UTF_8));
        entries.put("HTTPERR/", null);
        entries.put("HTTPERR/httperr2.log.gz", gzip(HTTPERR_LOG));
        entries.put("env.yaml", "server:\n  name: WEB01\n".getBytes(StandardCharsets.UTF_8));
        entries.put("readme.txt", "hello".getBytes(StandardCharsets.UTF_8));
        write(root, "collected/logs.zip", zip(entries));
        write(root, "after.log", IIS_LOG);

        CaseFolder.Scan scan = CaseFolder.scan(root);
        assertThat(scan.unreadable()).isEmpty();
        assertThat(kinds(scan)).containsExactly(
                Map.entry("after.log", EvidenceKind.IIS_W3C_LOG),
                Map.entry("collected/logs.zip!/HTTPERR/httperr2.log.gz", EvidenceKind.HTTPERR_LOG),
                Map.entry("collected/logs.zip!/W3SVC12/u_ex250109.log", EvidenceKind.IIS_W3C_LOG),
                Map.entry("collected/logs.zip!/env.yaml", EvidenceKind.ENV_YAML),
                Map.entry("collected/logs.zip!/readme.txt", EvidenceKind.UNKNOWN));
        CaseFile inZip = file(scan, "collected/logs.zip!/W3SVC12/u_ex250109.log");
        assertThat(inZip.size()).isEqualTo(IIS_LOG.getBytes(StandardCharsets.UTF_8).length);
        assertThat(read(inZip)).isEqualTo(IIS_LOG);
        assertThat(inZip.siteHint()).isEqualTo("W3SVC12");
        assertThat(read(file(scan, "collected/logs.zip!/HTTPERR/httperr2.log.gz"))).isEqualTo(HTTPERR_LOG);
    }

    @Test
    void corruptZipIsUnreadableAndTheRestIsListed() throws Exception {
        write(root, "broken.zip", "PK\u0003\u0004 this is not really a zip archive at all".getBytes(StandardCharsets.ISO_8859_1));
        write(root, "W3SVC1/u_ex1.log", IIS_LOG);
        write(root, "z.log", HTTPERR_LOG);
        CaseFolder.Scan scan = CaseFolder.scan(root);
        assertThat(scan.files()).extracting(CaseFile::name).containsExactly("W3SVC1/u_ex1.log", "z.log");
        assertThat(scan.unreadable()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("broken.zip");
            assertThat(u.reason()).startsWith("corrupt archive");
        });
    }

    @Test
    void corruptGzipHeadIsUnreadable() throws Exception {
        byte[] gz = gzip(IIS_LOG);
        byte[] broken = java.util.Arrays.copyOf(gz, 12); // header, then almost nothing
        write(root, "cut.log.gz", broken);
        write(root, "good.log", IIS_LOG);
        CaseFolder.Scan scan = CaseFolder.scan(root);
        assertThat(scan.files()).extracting(CaseFile::name).containsExactly("good.log");
        assertThat(scan.unreadable()).extracting(UnreadableFile::name).containsExactly("cut.log.gz");
        assertThat(scan.unreadable().get(0).reason()).isNotBlank();
    }

    @Test
    void fileWithoutReadPermission() throws Exception {
        Path secret = write(root, "W3SVC1/secret.log", IIS_LOG);
        write(root, "W3SVC1/open.log", IIS_LOG);
        try {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            Assumptions.abort("no POSIX permissions on this file system");
        }
        Assumptions.assumeFalse(Files.isReadable(secret), "running as root: the file stays readable");
        try {
            CaseFolder.Scan scan = CaseFolder.scan(root);
            assertThat(scan.files()).extracting(CaseFile::name).containsExactly("W3SVC1/open.log");
            assertThat(scan.unreadable()).containsExactly(new UnreadableFile("W3SVC1/secret.log", "permission denied"));
        } finally {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void missingFolder() {
        Path missing = root.resolve("nope");
        assertThatThrownBy(() -> CaseFolder.scan(missing)).isInstanceOf(CaseFolderException.class)
                .hasMessage("case folder does not exist: " + missing);
    }

    @Test
    void aSingleFileIsACaseOfItsOwnNamedByItsFileName() throws Exception {
        Path f = write(root, "W3SVC4/u_ex1.log", IIS_LOG);
        CaseFolder.Scan scan = CaseFolder.scan(f);
        assertThat(scan.unreadable()).isEmpty();
        assertThat(scan.files()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("u_ex1.log");
            assertThat(c.kind()).isEqualTo(EvidenceKind.IIS_W3C_LOG);
        });
        Path gz = write(root, "httperr1.log.gz", gzip(HTTPERR_LOG));
        assertThat(CaseFolder.scan(gz).files()).extracting(CaseFile::name, CaseFile::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("httperr1.log.gz", EvidenceKind.HTTPERR_LOG));
    }

    @Test
    void aSingleZipIsReadEntryByEntry() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("W3SVC1/u_ex1.log", IIS_LOG.getBytes(StandardCharsets.UTF_8));
        entries.put("HTTPERR/httperr1.log", HTTPERR_LOG.getBytes(StandardCharsets.UTF_8));
        Path zip = write(root, "case.zip", zip(entries));
        CaseFolder.Scan scan = CaseFolder.scan(zip);
        assertThat(scan.files()).extracting(CaseFile::name)
                .containsExactly("case.zip!/HTTPERR/httperr1.log", "case.zip!/W3SVC1/u_ex1.log");
        assertThat(scan.files().get(1).siteHint()).isEqualTo("W3SVC1");
    }

    @Test
    void archiveEntryNamesUseSlashesAndClimbingNamesAreRefusedNotWritten() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        // Windows PowerShell 5.1's Compress-Archive writes backslashes; a hostile archive climbs out
        entries.put("W3SVC2\\u_ex1.log", IIS_LOG.getBytes(StandardCharsets.UTF_8));
        entries.put("../../evil/u_ex2.log", IIS_LOG.getBytes(StandardCharsets.UTF_8));
        entries.put("/C:/abs/./u_ex3.log", IIS_LOG.getBytes(StandardCharsets.UTF_8));
        entries.put("W3SVC2/./u_ex4.log", IIS_LOG.getBytes(StandardCharsets.UTF_8));
        Path zip = write(root, "case/c.zip", zip(entries));
        CaseFolder.Scan scan = CaseFolder.scan(root.resolve("case"));
        assertThat(scan.files()).extracting(CaseFile::name).containsExactly("c.zip!/W3SVC2/u_ex1.log", "c.zip!/W3SVC2/u_ex4.log");
        assertThat(scan.files().get(0).siteHint()).isEqualTo("W3SVC2");
        try (InputStream in = scan.files().get(1).open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(IIS_LOG);
        }
        // the climbing and absolute names are listed under their own (raw) names as refused
        assertThat(scan.unreadable()).extracting(UnreadableFile::name)
                .containsExactlyInAnyOrder("c.zip!/../../evil/u_ex2.log", "c.zip!//C:/abs/./u_ex3.log");
        try (var listing = Files.walk(root)) {
            assertThat(listing.filter(Files::isRegularFile)).containsExactly(zip);
        }
    }

    @Test
    void emptyFolder() throws Exception {
        CaseFolder.Scan scan = CaseFolder.scan(root);
        assertThat(scan.files()).isEmpty();
        assertThat(scan.unreadable()).isEmpty();
    }

    @Test
    void siteHints() {
        Function<String, String> hint = n -> new CaseFile(n, EvidenceKind.IIS_W3C_LOG, 0, () -> InputStream.nullInputStream()).siteHint();
        assertThat(hint.apply("W3SVC3/u_ex.log")).isEqualTo("W3SVC3");
        assertThat(hint.apply("logs.zip!/W3SVC12/x.log")).isEqualTo("W3SVC12");
        assertThat(hint.apply("server/LogFiles/w3svc7/u_ex.log")).as("normalised to upper case").isEqualTo("W3SVC7");
        assertThat(hint.apply("W3SVC1/sub/W3SVC4/u_ex.log")).as("the nearest folder wins").isEqualTo("W3SVC4");
        assertThat(hint.apply("W3SVC1\\u_ex.log")).isEqualTo("W3SVC1");
        assertThat(hint.apply("u_ex.log")).isEmpty();
        assertThat(hint.apply("logs/u_ex.log")).isEmpty();
        assertThat(hint.apply("W3SVC5")).as("a file named like a site is not a folder").isEmpty();
        assertThat(hint.apply("W3SVCX/u_ex.log")).isEmpty();
        assertThat(hint.apply("W3SVC1.zip!/u_ex.log")).isEmpty();
    }
}
