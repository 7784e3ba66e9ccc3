package org.iisdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.iisdiag.TestPack;
import org.iisdiag.diagnosis.Diagnostician;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.KnowledgeBaseLoader;
import org.iisdiag.report.DiagnosisReport;
import org.iisdiag.report.JsonRenderer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compiled-rule cache: reused only for exactly the same rule and catalog files, never stale, and
 * never a reason to fail (corrupt entries and unwritable folders just mean "compile").
 */
class RuleBaseCacheTest {
    /** A rule of our own in the copied pack, so the test does not depend on the wording of shipped rules. */
    private static final String PROBE = """
            package cachetest;

            import org.iisdiag.facts.*;
            import org.iisdiag.knowledge.*;
            import org.iisdiag.conclusions.*;
            import org.iisdiag.targets.TargetDirectory;
            import function org.iisdiag.conclusions.Conclude.diagnose;
            import function org.iisdiag.conclusions.Conclude.evidence;

            global KnowledgeBase kb;
            global TargetDirectory targets;

            rule "Cache probe"
                @id("cachetest.probe")
                @section("503 errors")
            when
                $c : IisStatusCount( status == 503 )
            then
                diagnose(kcontext, "%s", Certainty.PROBABLE, targets.of($c), evidence($c));
            end
            """;
    /** The probe concludes a diagnosis; the action its plan names shows in the report. */
    private static final String FIRST_DIAGNOSIS = "site-connection-limit";
    private static final String FIRST = "raise-site-connection-limit";
    private static final String SECOND_DIAGNOSIS = "native-module-not-installed";
    private static final String SECOND = "install-missing-module";

    @TempDir
    Path temp;

    private Path rules;
    private Path kb;
    private Path cache;
    private Path caseDir;

    @BeforeEach
    void copyPack() throws IOException {
        rules = temp.resolve("rules");
        kb = temp.resolve("knowledge-base");
        cache = temp.resolve("cache");
        // planning and ranking turn the probe's diagnosis into a ranked action; the rest of the pack would
        // only make each of the many compilations here slower
        copyTree(TestPack.rules().resolve("planning"), rules.resolve("planning"));
        copyTree(TestPack.rules().resolve("ranking"), rules.resolve("ranking"));
        Files.createDirectories(kb);
        try (Stream<Path> files = Files.list(TestPack.kb())) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".yaml")).toList()) {
                Files.copy(f, kb.resolve(f.getFileName()));
            }
        }
        copyTree(TestPack.kb().resolve(KnowledgeBaseLoader.DIAGNOSES), kb.resolve(KnowledgeBaseLoader.DIAGNOSES));
        writeProbe(FIRST_DIAGNOSIS);
        caseDir = temp.resolve("case");
        write(caseDir.resolve("W3SVC1/u_ex250109.log"), """
                #Software: Microsoft Internet Information Services 10.0
                #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
                2025-01-09 14:00:01 10.0.0.10 GET / - 443 - 10.0.0.5 Mozilla/5.0 - 200 0 0 15
                2025-01-09 14:00:02 10.0.0.10 GET /api/orders - 443 - 10.0.0.6 Mozilla/5.0 - 503 0 0 12
                2025-01-09 14:00:03 10.0.0.10 GET /api/orders - 443 - 10.0.0.7 Mozilla/5.0 - 503 0 0 11
                """);
        write(caseDir.resolve("HTTPERR/httperr1.log"), """
                #Software: Microsoft HTTP API 2.0
                #Version: 1.0
                #Date: 2025-01-09 14:00:00
                #Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename
                2025-01-09 14:00:05 10.0.0.5 51234 10.0.0.10 443 HTTP/1.1 GET /api/orders - 503 1 AppOffline DefaultAppPool
                2025-01-09 14:00:06 10.0.0.6 51235 10.0.0.10 443 HTTP/1.1 GET /api/orders - 503 1 AppOffline DefaultAppPool
                """);
    }

    private void writeProbe(String diagnosis) throws IOException {
        write(rules.resolve("zz-cache-test/probe.drl"), PROBE.formatted(diagnosis));
    }

    private Diagnostician load() throws Exception {
        return Diagnostician.load(rules, kb, "iisdiag test", cache);
    }

    private String json(Diagnostician d) throws Exception {
        return new JsonRenderer().render(d.run(caseDir, "case").report());
    }

    private static List<String> actionIds(String json) throws Exception {
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        return tree.get("actions").findValuesAsText("id");
    }

    private List<Path> entries() throws IOException {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".bin")).sorted().toList();
        }
    }

    @Test
    void secondLoadOfTheSameFilesComesFromTheCacheAndDiagnosesTheSame() throws Exception {
        Diagnostician first = load();
        assertThat(first.ruleBase().fromCache()).isFalse();
        assertThat(entries()).hasSize(1);
        String compiled = json(first);
        assertThat(actionIds(compiled)).containsExactly(FIRST);

        Diagnostician second = load();
        assertThat(second.ruleBase().fromCache()).isTrue();
        assertThat(entries()).hasSize(1);
        assertThat(json(second)).isEqualTo(compiled);
        assertThat(second.ruleBase().rules()).isEqualTo(first.ruleBase().rules());
    }

    @Test
    void theFiringTrailIsTheSameFromTheCache() throws Exception {
        DiagnosisReport compiled = traced(load());
        Diagnostician cached = load();
        assertThat(cached.ruleBase().fromCache()).isTrue();
        assertThat(new JsonRenderer().render(traced(cached))).isEqualTo(new JsonRenderer().render(compiled));
    }

    private DiagnosisReport traced(Diagnostician d) throws Exception {
        Diagnostician.Result r = d.run(caseDir, "case");
        return r.report().withTrace(r.conclusions().trail());
    }

    @Test
    void editingARuleIsNeverServedStale() throws Exception {
        String original = json(load());
        assertThat(actionIds(original)).contains(FIRST).doesNotContain(SECOND);

        writeProbe(SECOND_DIAGNOSIS);
        Diagnostician edited = load();
        assertThat(edited.ruleBase().fromCache()).isFalse();
        assertThat(actionIds(json(edited))).contains(SECOND).doesNotContain(FIRST);
        assertThat(entries()).hasSize(2);

        Files.delete(rules.resolve("zz-cache-test/probe.drl"));
        Diagnostician deleted = load();
        assertThat(deleted.ruleBase().fromCache()).isFalse();
        assertThat(deleted.ruleBase().rules()).noneMatch(r -> r.id().equals("cachetest.probe"));
        assertThat(actionIds(json(deleted))).doesNotContain(FIRST, SECOND);
        assertThat(entries()).hasSize(3);

        writeProbe(FIRST_DIAGNOSIS);
        Diagnostician reverted = load();
        assertThat(reverted.ruleBase().fromCache()).isTrue();
        assertThat(json(reverted)).isEqualTo(original);
        assertThat(entries()).hasSize(3);
    }

    @Test
    void aWhitespaceOnlyEditOfARuleFileIsANewKeyToo() throws Exception {
        load();
        Path probe = rules.resolve("zz-cache-test/probe.drl");
        Files.writeString(probe, Files.readString(probe) + "\n", StandardCharsets.UTF_8);
        assertThat(load().ruleBase().fromCache()).isFalse();
    }

    @Test
    void editingACatalogIsANewKeyAndRevertingReusesTheOriginalEntry() throws Exception {
        String original = json(load());
        Path actions = kb.resolve("actions.yaml");
        String text = Files.readString(actions, StandardCharsets.UTF_8);
        String title = "title: Review and raise the connection limit of {site}";
        assertThat(text).contains(title);
        Files.writeString(actions, text.replace(title, title + " (edited)"), StandardCharsets.UTF_8);

        Diagnostician edited = load();
        assertThat(edited.ruleBase().fromCache()).isFalse();
        assertThat(json(edited)).contains("connection limit of W3SVC1 (edited)");
        assertThat(entries()).hasSize(2);

        Files.writeString(actions, text, StandardCharsets.UTF_8);
        Diagnostician reverted = load();
        assertThat(reverted.ruleBase().fromCache()).isTrue();
        assertThat(json(reverted)).isEqualTo(original).doesNotContain("(edited)");
        assertThat(entries()).hasSize(2);
    }

    @Test
    void oneCacheInstanceNeverServesAnEarlierKeyAfterAnEdit() throws Exception {
        KnowledgeBase catalogs = KnowledgeBaseLoader.load(kb);
        RuleBaseCache shared = new RuleBaseCache(cache, KnowledgeBaseLoader.FILES.stream().map(kb::resolve).toList());
        RuleBase before = RuleBase.load(rules, catalogs, shared);
        assertThat(before.fromCache()).isFalse();
        assertThat(RuleBase.load(rules, catalogs, shared).fromCache()).isTrue();

        writeProbe(SECOND_DIAGNOSIS);
        RuleBase after = RuleBase.load(rules, catalogs, shared);
        assertThat(after.fromCache()).as("an edited pack through the same cache object").isFalse();
        assertThat(after.sources().get("rules/zz-cache-test/probe.drl")).contains(SECOND_DIAGNOSIS);
        assertThat(entries()).hasSize(2);
    }

    @Test
    void aTruncatedEntryIsCompiledAgainAndRewritten() throws Exception {
        String original = json(load());
        Path entry = entries().get(0);
        byte[] good = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(good, good.length / 2));

        Diagnostician again = load();
        assertThat(again.ruleBase().fromCache()).isFalse();
        assertThat(json(again)).isEqualTo(original);
        assertThat(entries()).containsExactly(entry);
        assertThat(Files.size(entry)).isGreaterThan(good.length / 2);
        assertThat(load().ruleBase().fromCache()).isTrue();
    }

    @Test
    void garbageOrAnEmptyEntryIsCompiledAgain() throws Exception {
        String original = json(load());
        Path entry = entries().get(0);
        long size = Files.size(entry);
        for (byte[] junk : List.of(new byte[0], "not a rule base at all".getBytes(StandardCharsets.UTF_8))) {
            Files.write(entry, junk);
            Diagnostician again = load();
            assertThat(again.ruleBase().fromCache()).isFalse();
            assertThat(json(again)).isEqualTo(original);
            assertThat(Files.size(entry)).isGreaterThan(size / 2);
            assertThat(load().ruleBase().fromCache()).isTrue();
        }
    }

    @Test
    void flippedBytesInsideAnEntryAreDetectedNotLoaded() throws Exception {
        String original = json(load());
        Path entry = entries().get(0);
        byte[] good = Files.readAllBytes(entry);
        // corrupt the payload in many places, as a bad disk block or a partial copy would
        for (int at : new int[] {good.length / 3, good.length / 2, (int) (good.length * 0.7), good.length - 5}) {
            byte[] bad = good.clone();
            bad[at] ^= 0x5A;
            bad[at - 1] ^= 0x21;
            Files.write(entry, bad);
            Diagnostician again = load();
            assertThat(again.ruleBase().fromCache()).as("corrupted at byte " + at).isFalse();
            assertThat(json(again)).isEqualTo(original);
            // rewritten (Drools does not serialise byte for byte the same twice, so compare with the bad copy)
            assertThat(java.util.Arrays.equals(Files.readAllBytes(entry), bad)).as("entry still corrupt").isFalse();
            assertThat(load().ruleBase().fromCache()).as("rewritten entry is used").isTrue();
        }
    }

    @Test
    void anUnwritableCacheFolderStillDiagnosesJustNotCached() throws Exception {
        Path file = temp.resolve("a-file");
        Files.writeString(file, "x");
        cache = file.resolve("cache");
        Diagnostician first = load();
        assertThat(first.ruleBase().fromCache()).isFalse();
        String report = json(first);
        assertThat(actionIds(report)).contains(FIRST);
        Diagnostician second = load();
        assertThat(second.ruleBase().fromCache()).isFalse();
        assertThat(json(second)).isEqualTo(report);
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFileBehind() throws Exception {
        // an entry name that is a non-empty folder: the final move fails after the temporary file is written
        load();
        Path entry = entries().get(0);
        Files.delete(entry);
        Files.createDirectories(entry.resolve("occupied"));
        Diagnostician d = load();
        assertThat(d.ruleBase().fromCache()).isFalse();
        try (Stream<Path> s = Files.list(cache)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void oldEntriesArePrunedSoTheFolderDoesNotGrowWithoutBound() throws Exception {
        Files.createDirectories(cache);
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        for (int i = 0; i < RuleBaseCache.MAX_ENTRIES + 5; i++) {
            Path stale = cache.resolve("rulebase-%032x.bin".formatted(i));
            Files.writeString(stale, "an entry of an earlier edit");
            Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.fromMillis(old.toMillis() + i * 1000L));
        }
        Path leftover = cache.resolve("rulebase-123.tmp");
        Files.writeString(leftover, "a write that crashed long ago");
        Files.setLastModifiedTime(leftover, old);

        assertThat(load().ruleBase().fromCache()).isFalse();
        List<Path> kept = entries();
        assertThat(kept).hasSize(RuleBaseCache.MAX_ENTRIES);
        assertThat(kept).doesNotContain(cache.resolve("rulebase-%032x.bin".formatted(0)));
        assertThat(leftover).doesNotExist();
        // the entry just written survives, and the next load uses it
        assertThat(load().ruleBase().fromCache()).isTrue();
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            walk.forEach(p -> {
                try {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
