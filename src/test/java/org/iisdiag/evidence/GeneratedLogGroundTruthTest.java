package org.iisdiag.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.iisdiag.evidence.httperr.HttpErrAggregator;
import org.iisdiag.evidence.w3c.IisLogAggregator;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.IisStatusCount;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property-style check against gen-iis-logs.py: whatever the generator's options, the aggregated counts of
 * "status substatus win32" triples and HTTPERR reasons equal its manifest.json ground truth exactly.
 */
class GeneratedLogGroundTruthTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"", "--crlf", "--fields extended --incident all", "--files 2 --restarts-per-day 5"})
    void aggregationMatchesTheGeneratorsManifest(String extra) throws Exception {
        Path gen = Path.of(System.getProperty("iisdiag.home", ".")).resolve("../shared/tools/gen-iis-logs.py").normalize();
        assumeTrue(Files.isRegularFile(gen), "generator not found at " + gen);
        List<String> cmd = new ArrayList<>(List.of("python3", gen.toString(), "--lines", "20000", "--seed", "3",
                "--out", tmp.toString()));
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split(" ")));
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            assumeTrue(false, "python3 not available: " + e.getMessage());
            return;
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        JsonNode manifest = new ObjectMapper().readTree(tmp.resolve("manifest.json").toFile());

        IisLogAggregator iis = new IisLogAggregator();
        HttpErrAggregator httpErr = new HttpErrAggregator();
        long iisEntries = 0;
        try (Stream<Path> files = Files.list(tmp)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".log")) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(f)) {
                    ReadReport r = name.startsWith("u_ex") ? Fixtures.iis(iis, name, "W3SVC1", in) : Fixtures.httpErr(httpErr, name, in);
                    assertThat(r.problems()).as(name).isEmpty();
                    assertThat(r.notes()).as(name).isEmpty();
                    if (name.startsWith("u_ex")) {
                        iisEntries += r.entries();
                    }
                }
            }
        }

        Map<String, Long> expectedStatus = new TreeMap<>();
        manifest.get("status_counts").properties().forEach(e -> expectedStatus.put(e.getKey(), e.getValue().asLong()));
        Map<String, Long> actualStatus = new TreeMap<>();
        for (IisStatusCount c : iis.statusCounts()) {
            actualStatus.merge(c.status() + " " + c.substatus() + " " + c.win32(), c.count(), Long::sum);
        }
        assertThat(actualStatus).isEqualTo(expectedStatus);
        assertThat(iisEntries).isEqualTo(manifest.get("total_data_lines").asLong());

        Map<String, Long> expectedReasons = new TreeMap<>();
        manifest.get("httperr_reason_counts").properties().forEach(e -> expectedReasons.put(e.getKey(), e.getValue().asLong()));
        Map<String, Long> actualReasons = new TreeMap<>();
        for (HttpErrCount c : httpErr.counts()) {
            actualReasons.merge(c.reason(), c.count(), Long::sum);
        }
        assertThat(actualReasons).isEqualTo(expectedReasons);

        // the window and the timeline account for every IIS entry
        assertThat(iis.window()).hasValueSatisfying(w -> assertThat(w.requests()).isEqualTo(expectedStatus.values()
                .stream().mapToLong(Long::longValue).sum()));
        long timelineTotal = 0;
        for (int cls = 0; cls < Timeline.CLASSES; cls++) {
            timelineTotal += iis.timeline().total(cls);
        }
        assertThat(timelineTotal).isEqualTo(iisEntries);
    }
}
