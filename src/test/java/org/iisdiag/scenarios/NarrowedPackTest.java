package org.iisdiag.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.iisdiag.TestPack;
import org.iisdiag.casefolder.CaseFolder;
import org.iisdiag.diagnosis.Diagnostician;
import org.iisdiag.engine.Conclusions;
import org.iisdiag.engine.Diagnoser;
import org.iisdiag.engine.RuleBase;
import org.iisdiag.engine.RuleBaseCache;
import org.iisdiag.evidence.CaseEvidence;
import org.iisdiag.evidence.EvidenceCollector;
import org.iisdiag.evidence.w3c.LogLayouts;
import org.iisdiag.knowledge.KnowledgeBaseLoader;
import org.iisdiag.report.JsonRenderer;
import org.iisdiag.report.ReportBuilder;
import org.iisdiag.targets.TargetDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case diagnosed with the rules its evidence cannot fire left out of the network (what {@code diagnose} does
 * with a cached pack) concludes exactly what the whole pack concludes, firing for firing: over every shipped
 * scenario and every bundled case, each on a pack freshly read from the cache.
 */
class NarrowedPackTest {
    @TempDir
    static Path temp;

    private static RuleBaseCache cache;
    private static Diagnostician whole;

    @BeforeAll
    static void fillCache() throws Exception {
        whole = TestPack.diagnosis();
        cache = new RuleBaseCache(temp.resolve("cache"), KnowledgeBaseLoader.catalogFiles(TestPack.kb()));
        assertThat(RuleBase.load(TestPack.rules(), null, cache).fromCache()).isFalse();
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioAndCaseConcludesAsOnTheWholePack() throws IOException {
        ScenarioLoader loader = new ScenarioLoader(whole.knowledgeBase(), whole.ruleBase().rules());
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : ScenarioLoader.discover(List.of(TestPack.kb().resolve("scenarios")))) {
            tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                ScenarioFile sf = loader.load(file, file.toString());
                Path dir = Files.createTempDirectory(temp, "scenario");
                ScenarioRunner.layOut(sf, dir);
                compare(dir);
            }));
        }
        try (Stream<Path> cases = Files.list(TestPack.cases())) {
            cases.filter(Files::isDirectory).sorted().forEach(c ->
                    tests.add(DynamicTest.dynamicTest("case " + c.getFileName(), () -> compare(c))));
        }
        return tests.stream();
    }

    /**
     * One pack read from the cache per set of fact types: the same types leave out the same rules, and a pack
     * reuses the network it narrowed for them (reading and narrowing afresh for each of 500 cases took minutes).
     * The most recently used few only: each holds a rule network, and the test JVM runs other suites after this.
     */
    private static final Map<Set<Class<?>>, RuleBase> PACKS = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Set<Class<?>>, RuleBase> eldest) {
            return size() > 8;
        }
    };

    @AfterAll
    static void releasePacks() {
        PACKS.clear();
    }

    private static void compare(Path caseDir) throws Exception {
        CaseEvidence evidence = new EvidenceCollector(1, LogLayouts.forKnowledgeBase(TestPack.kb()))
                .collect(caseDir.getFileName().toString(), CaseFolder.scan(caseDir));
        List<Object> facts = evidence.facts();
        Set<Class<?>> types = new HashSet<>();
        facts.forEach(f -> types.add(f.getClass()));
        RuleBase pack = PACKS.get(types);
        if (pack == null) {
            pack = RuleBase.load(TestPack.rules(), null, cache);
            assertThat(pack.fromCache()).isTrue();
            PACKS.put(types, pack);
        }
        // what the user sees, firing trail included (raw conclusions may list equal things in another order)
        assertThat(report(evidence, new Diagnoser(pack, whole.knowledgeBase()).run(facts)))
                .isEqualTo(report(evidence, new Diagnoser(whole.ruleBase(), whole.knowledgeBase()).run(facts)));
    }

    private static String report(CaseEvidence evidence, Conclusions c) {
        return new JsonRenderer().render(new ReportBuilder(whole.knowledgeBase()).build(evidence, c, "test")
                .withTrace(c.trail()));
    }

    @Test
    void mostCasesLeaveRulesOut() throws Exception {
        Path sample = TestPack.cases().resolve("classic-asp-errors");
        List<Object> facts = new EvidenceCollector(1, LogLayouts.forKnowledgeBase(TestPack.kb()))
                .collect("sample", CaseFolder.scan(sample)).facts();
        RuleBase fresh = RuleBase.load(TestPack.rules(), null, cache);
        RuleBase.CaseSession s = fresh.newSessionFor(facts, whole.knowledgeBase(), TargetDirectory.of(facts));
        s.session().dispose();
        assertThat(s.rulesLeftOut()).as("rules a Classic ASP case cannot fire").isGreaterThan(fresh.rules().size() / 4);
        assertThat(s.missingTypes()).isNotEmpty();
    }
}
