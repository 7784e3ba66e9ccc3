package org.iisdiag.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.iisdiag.TestPack;
import org.iisdiag.diagnosis.Diagnostician;
import org.iisdiag.engine.Conclusions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every conclusion must show all the evidence its rule matched: a diagnosis that rests on three facts
 * and shows two would mislead the engineer reading it. The engine records each firing where this does
 * not hold (an evidence gap); this runs the shipped scenarios, the sample cases and the field cases
 * written by outside IIS engineers (../shared/field-cases, when present) and fails on any gap, naming
 * the rule, the conclusion and the fact it left out.
 */
class EvidenceCompletenessTest {
    @TempDir
    static Path temp;

    private static DynamicTest noGaps(String name, Path caseDir) {
        return DynamicTest.dynamicTest(name, () -> {
            Diagnostician.Result r = TestPack.diagnosis().run(caseDir, name);
            assertThat(r.conclusions().evidenceGaps()).as(describe(r.conclusions().evidenceGaps())).isEmpty();
        });
    }

    private static String describe(List<Conclusions.EvidenceGap> gaps) {
        StringBuilder b = new StringBuilder("conclusions without the evidence their rule matched:");
        gaps.forEach(g -> b.append("\n  rule ").append(g.ruleId()).append(" concluded ").append(g.conclusion())
                .append(" without ").append(g.missing()));
        return b.toString();
    }

    private static List<Path> folders(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> shippedScenarios() throws IOException {
        Diagnostician d = TestPack.diagnosis();
        ScenarioLoader loader = new ScenarioLoader(d.knowledgeBase(), d.ruleBase().rules());
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> files = ScenarioLoader.discover(List.of(TestPack.kb().resolve("scenarios")));
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String name = TestPack.kb().relativize(file).toString();
            tests.add(DynamicTest.dynamicTest(name, () -> {
                ScenarioFile sf = loader.load(file, name);
                Path dir = Files.createTempDirectory(temp, "scenario-");
                ScenarioRunner.layOut(sf, dir);
                Diagnostician.Result r = d.run(dir, name);
                assertThat(r.conclusions().evidenceGaps()).as(describe(r.conclusions().evidenceGaps())).isEmpty();
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> sampleCases() throws IOException {
        List<Path> cases = folders(TestPack.cases());
        assertThat(cases).isNotEmpty();
        return cases.stream().map(c -> noGaps("cases/" + c.getFileName(), c));
    }

    @TestFactory
    Stream<DynamicTest> fieldCases() throws IOException {
        Path root = TestPack.home().resolve("../shared/field-cases").normalize();
        Assumptions.assumeTrue(Files.isDirectory(root), "no field cases at " + root
                + " (they live next to the project in a shared folder): evidence completeness checked on scenarios and samples only");
        List<Path> cases = folders(root).stream().filter(c -> Files.isRegularFile(c.resolve("expected.yaml"))).toList();
        assertThat(cases).as("field cases under " + root).isNotEmpty();
        return cases.stream().map(c -> noGaps("field-cases/" + c.getFileName(), c));
    }
}
