package org.iisdiag.evidence.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.iisdiag.casefolder.CaseFolder;
import org.iisdiag.evidence.CaseEvidence;
import org.iisdiag.evidence.EvidenceCollector;
import org.iisdiag.evidence.EvidenceReader;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.ancm.AncmLogReader;
import org.iisdiag.evidence.config.ApplicationHostConfigReader;
import org.iisdiag.evidence.config.WebConfigReader;
import org.iisdiag.evidence.env.EnvFacts;
import org.iisdiag.evidence.env.EnvReader;
import org.iisdiag.evidence.eventlog.EventLogReader;
import org.iisdiag.evidence.freb.FrebReader;
import org.iisdiag.evidence.har.HarReader;
import org.iisdiag.facts.EvidenceKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Property-based fuzzing of every reader of the case-folder side (web.config, applicationHost.config,
 * FREB, event XML and CSV, ANCM logs, HAR, env.yaml, and whole zipped cases through the case folder):
 * the fixtures, mutated (byte flips, cuts, duplicated and deleted slices, huge values, random Unicode and
 * control characters, deep nesting, syntax fragments), with a fictional secret planted last. For every
 * input: only the documented IOException may escape, reading ends within {@link #TIMEOUT}, the facts
 * stay under the aggregators' caps, and the secret is in no fact, note, problem or error.
 *
 * <p>Plain JUnit over seeded inputs: each check runs {@code iisdiag.fuzz.tries} inputs (250 by default;
 * {@code mvn verify -Pfuzz} raises it to reach about a million), from seeds derived from
 * {@code iisdiag.fuzz.seed} (fixed by default, so CI is repeatable; set it to explore). A failure names
 * the seed and the fixture, which reproduce the input exactly. {@code -Diisdiag.fuzz.hugeValue=N} sets
 * the longest value.
 */
class ReaderFuzzTest {
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("iisdiag.fuzz.timeoutSeconds", 20));
    static final int HUGE = Integer.getInteger("iisdiag.fuzz.hugeValue", 300_000);
    /** The most facts one input may give: the aggregators' caps with room (HAR: 2,000 groups + fold keys). */
    static final int MAX_FACTS = 20_000;
    static final String MARK = "PLANTEDFZ";
    static final List<String> SECRETS = List.of("password=" + MARK, "?token=" + MARK + "&a=1", "Bearer " + MARK + "0123",
            "--password " + MARK, "Server=x;Pwd=" + MARK + ";", "https://u:" + MARK + "@h.example/", "%3Fsig%3D" + MARK,
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0." + MARK, ";jsessionid=" + MARK, "/ApiKey:" + MARK,
            "X-Amz-Signature=" + MARK, "AccountKey=" + MARK + ";");
    static final List<String> FRAGMENTS = List.of("<!DOCTYPE x [<!ENTITY a 'b'>]>", "]]>", "<![CDATA[", "&#0;", "&amp;",
            "&x;", "\"\"", "\r", "\uFEFF", "#TYPE x\n", "---\n", "{", "}", "[", "]", ":", "<", ">", "</", "<?", "?>",
            "<!--", "-->", "\\u12", "\\", "\u0000", "\uD800", "key: key\n", "'", "\"", ",", "\n", "\t", "%", "=");

    static final AtomicLong INPUTS = new AtomicLong();
    static final int TRIES = Integer.getInteger("iisdiag.fuzz.tries", 250);
    static final long SEED = Long.getLong("iisdiag.fuzz.seed", 20261201L);

    /** One input: a fixture (by index) and the seed of its mutations. */
    record Case(int fixture, long seed) {
    }

    /** {@link #TRIES} inputs over {@code fixtures}, each fixture in turn, seeds from {@link #SEED} and the check's name. */
    static void forEach(String check, List<byte[]> fixtures, java.util.function.BiConsumer<byte[], Long> property) {
        Random seeds = new Random(SEED ^ check.hashCode());
        for (int i = 0; i < TRIES; i++) {
            Case c = new Case(i % fixtures.size(), seeds.nextLong());
            try {
                property.accept(fixtures.get(c.fixture()), c.seed());
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(check + " failed for fixture " + c.fixture() + ", seed " + c.seed()
                        + " (-Diisdiag.fuzz.seed=" + SEED + "): " + e.getMessage(), e);
            }
        }
    }

    // ---- the properties -------------------------------------------------------------------------------

    @Test
    void webConfig() {
        forEach("webConfig", configs(), (base, seed) -> readerHolds(WebConfigReader::new, "site/web.config", base, seed));
    }

    @Test
    void applicationHostConfig() {
        forEach("applicationHostConfig", configs(),
                (base, seed) -> readerHolds(ApplicationHostConfigReader::new, "applicationHost.config", base, seed));
    }

    @Test
    void freb() {
        forEach("freb", frebs(), (base, seed) -> readerHolds(FrebReader::new, "W3SVC1/fr000001.xml", base, seed));
    }

    @Test
    void eventLog() {
        forEach("eventLog", events(), (base, seed) -> readerHolds(EventLogReader::new, "events.xml", base, seed));
    }

    @Test
    void ancm() {
        forEach("ancm", ancmLogs(), (base, seed) -> readerHolds(AncmLogReader::new, "logs/stdout_20250109100000_1.log", base, seed));
    }

    @Test
    void har() {
        forEach("har", hars(), (base, seed) -> readerHolds(HarReader::new, "capture.har", base, seed));
    }

    @Test
    void envYaml() {
        forEach("envYaml", envs(), ReaderFuzzTest::envYamlHolds);
    }

    private static void envYamlHolds(byte[] base, long seed) {
        byte[] input = mutate(base, seed);
        ReadReport report = new ReadReport("env.yaml", EvidenceKind.ENV_YAML);
        EnvFacts facts = within(() -> {
            try {
                return new EnvReader().read(new ByteArrayInputStream(input), report);
            } catch (IOException e) {
                return EnvFacts.unknown();
            }
        });
        assertNoSecret(facts.facts().toString() + facts.description(), report, input);
    }

    /** A zipped case with a few evidence files, the archive bytes mutated: through the case folder and every reader. */
    @Test
    void zippedCase() throws IOException {
        forEach("zippedCase", List.of(zipOfFixtures()), (base, seed) -> {
            try {
                zippedCaseHolds(base, seed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void zippedCaseHolds(byte[] base, long seed) throws IOException {
        byte[] input = mutate(base, seed);
        Path dir = Files.createTempDirectory("iisdiag-fuzz");
        try {
            Files.write(dir.resolve("case.zip"), input);
            CaseEvidence e = within(() -> {
                try {
                    return new EvidenceCollector().collect("case", CaseFolder.scan(dir));
                } catch (org.iisdiag.casefolder.CaseFolderException ex) {
                    throw new AssertionError(ex);
                }
            });
            StringBuilder all = new StringBuilder(e.facts().toString());
            for (ReadReport r : e.reports()) {
                all.append(r.notes()).append(r.problems()).append(r.fatalError());
            }
            assertThat(all.toString()).as("secret in the output of %s", describe(input)).doesNotContain(MARK);
            assertThat(e.facts().size()).isLessThan(MAX_FACTS * 8);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @AfterAll
    static void count() {
        System.out.println("reader fuzz: " + INPUTS.get() + " inputs");
    }

    // ---- checks ---------------------------------------------------------------------------------------

    private static void readerHolds(Supplier<EvidenceReader> newReader, String name, byte[] base, long seed) {
        byte[] input = mutate(base, seed);
        EvidenceReader reader = newReader.get();
        ReadReport report = new ReadReport(name, EvidenceKind.UNKNOWN);
        List<Object> facts = within(() -> {
            try {
                reader.read(name, "W3SVC1", new ByteArrayInputStream(input), report);
            } catch (IOException e) {
                report.fail("cannot read: " + e.getMessage()); // the documented path: the collector does the same
            }
            return reader.facts();
        });
        assertThat(facts.size()).as("facts of %s", describe(input)).isLessThan(MAX_FACTS);
        assertNoSecret(facts.toString(), report, input);
    }

    private static void assertNoSecret(String facts, ReadReport report, byte[] input) {
        String all = facts + report.notes() + report.problems() + report.fatalError();
        assertThat(all).as("secret in the output of %s", describe(input)).doesNotContain(MARK);
    }

    /** Runs {@code work} with the timeout; any exception but the documented ones fails the property. */
    private static <T> T within(Supplier<T> work) {
        if (INPUTS.incrementAndGet() % 50_000 == 0) {
            System.out.println("reader fuzz: " + INPUTS.get() + " inputs so far");
        }
        return Assertions.assertTimeoutPreemptively(TIMEOUT, work::get);
    }

    private static String describe(byte[] input) {
        String s = new String(input, 0, Math.min(input.length, 300), StandardCharsets.UTF_8);
        return input.length + " bytes starting " + s.replaceAll("[\\p{Cntrl}]", "?");
    }

    // ---- inputs ---------------------------------------------------------------------------------------

    /** Applies 1 to 8 random mutations, then plants a secret at a random place. */
    static byte[] mutate(byte[] base, long seed) {
        Random r = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = base;
        int n = 1 + r.nextInt(8);
        for (int i = 0; i < n; i++) {
            int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
            switch (r.nextInt(8)) {
                case 0 -> {
                    if (b.length > 0) {
                        b = b.clone();
                        int k = r.nextInt(b.length);
                        b[k] = (byte) (b[k] ^ (1 << r.nextInt(8)));
                    }
                }
                case 1 -> b = java.util.Arrays.copyOf(b, at);
                case 2 -> {
                    int len = Math.min(b.length - Math.min(at, b.length), 1 + r.nextInt(4096));
                    b = insert(b, r.nextInt(b.length + 1), java.util.Arrays.copyOfRange(b, Math.min(at, b.length),
                            Math.min(at, b.length) + Math.max(len, 0)));
                }
                case 3 -> {
                    String fills = "a <\",\n&=%'-\\";
                    char c = fills.charAt(r.nextInt(fills.length()));
                    b = insert(b, at, String.valueOf(c).repeat(1 + r.nextInt(HUGE)).getBytes(StandardCharsets.UTF_8));
                }
                case 4 -> {
                    StringBuilder s = new StringBuilder();
                    for (int k = r.nextInt(32); k >= 0; k--) {
                        s.appendCodePoint(r.nextBoolean() ? r.nextInt(0x20) : r.nextInt(0x10FFFF));
                    }
                    b = insert(b, at, s.toString().getBytes(StandardCharsets.UTF_8));
                }
                case 5 -> {
                    String open = List.of("<a>", "[", "{\"a\":", "  - ", "<Data>").get(r.nextInt(5));
                    b = insert(b, at, open.repeat(1 + r.nextInt(5000)).getBytes(StandardCharsets.UTF_8));
                }
                case 6 -> {
                    int end = Math.min(b.length, at + r.nextInt(2048));
                    if (at < end) {
                        byte[] c = new byte[b.length - (end - at)];
                        System.arraycopy(b, 0, c, 0, at);
                        System.arraycopy(b, end, c, at, b.length - end);
                        b = c;
                    }
                }
                default -> b = insert(b, at, FRAGMENTS.get(r.nextInt(FRAGMENTS.size())).getBytes(StandardCharsets.UTF_8));
            }
        }
        out.writeBytes(b);
        byte[] mutated = out.toByteArray();
        String secret = SECRETS.get(r.nextInt(SECRETS.size()));
        return insert(mutated, mutated.length == 0 ? 0 : r.nextInt(mutated.length + 1), secret.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        at = Math.max(0, Math.min(at, b.length));
        byte[] c = new byte[b.length + what.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(what, 0, c, at, what.length);
        System.arraycopy(b, at, c, at + what.length, b.length - at);
        return c;
    }

    static List<byte[]> configs() {
        return fixtures("config/aspnetcore-outofprocess.web.config", "config/aspnetcore-inprocess.web.config",
                "config/aspnet4.web.config", "config/applicationHost.config", "config/arr-farm.applicationHost.config",
                "planted-secrets/W3SVC1/web.config");
    }

    static List<byte[]> frebs() {
        return fixtures("freb/fr000001-500-19.xml", "freb/fr000003-502-3-arr.xml", "freb/fr000005-500-30-ancm.xml",
                "freb/fr000006-size-truncated.xml", "planted-secrets/FailedReqLogFiles/W3SVC1/fr000001.xml");
    }

    static List<byte[]> events() {
        return fixtures("eventlog/wevtutil-application.xml", "eventlog/wevtutil-system.xml", "eventlog/eventviewer-saved.xml",
                "eventlog/get-winevent-utf8.csv", "eventlog/get-winevent-utf16.csv", "planted-secrets/events.xml",
                "planted-secrets/events.csv");
    }

    static List<byte[]> ancmLogs() {
        return fixtures("ancm/aspnetcore-debug.log", "ancm/stdout_20250109100005_4312.log", "ancm/stdout_20250109101500_5120.log",
                "ancm/stdout_20250109111500_7100.log", "planted-secrets/logs/stdout_20250109100000_1234.log");
    }

    static List<byte[]> hars() {
        return fixtures("har/shop.har", "har/saved-error-pages.har", "har/cut.har", "planted-secrets/capture.har");
    }

    static List<byte[]> envs() {
        return List.of(("server:\n  name: WEB01\n  iisVersion: \"10.0\"\n  internetFacing: true\napplicationType: aspnetcore\n"
                + "sites:\n  - id: 2\n    name: Contoso Shop\n    appPool: ApiAppPool\nreported:\n  statusCodes: [503]\n"
                + "  description: Checkout returned 503 after 14:00 UTC.\nchanges:\n  - when: 2025-03-04T14:05:00Z\n"
                + "    what: deployment\n    description: v2\n").getBytes(StandardCharsets.UTF_8),
                fixture("planted-secrets/env.yaml"));
    }

    private static List<byte[]> fixtures(String... names) {
        List<byte[]> all = new ArrayList<>();
        for (String n : names) {
            all.add(fixture(n));
        }
        return all;
    }

    static byte[] fixture(String name) {
        try (InputStream in = ReaderFuzzTest.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zipCache;

    private static synchronized byte[] zipOfFixtures() throws IOException {
        if (zipCache == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (String n : List.of("planted-secrets/W3SVC1/web.config", "planted-secrets/events.xml",
                        "planted-secrets/capture.har", "planted-secrets/logs/stdout_20250109100000_1234.log",
                        "planted-secrets/env.yaml", "freb/fr000001-500-19.xml")) {
                    zip.putNextEntry(new ZipEntry(n.substring(n.indexOf('/') + 1)));
                    zip.write(fixture(n));
                    zip.closeEntry();
                }
            }
            zipCache = out.toByteArray();
        }
        return zipCache;
    }
}
