package org.iisdiag.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.iisdiag.casefolder.CaseFolder;
import org.iisdiag.facts.EvidenceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every data line of Elastic Beats' IIS module test logs (fixtures/real/NOTICE.md) is read, as a case
 * folder would hold them: recognised by content, headerless files and lines of another layout read by
 * their shape with the layout named.
 */
class BeatsFixturesTest {
    /** Files without any #Fields, and the layout their lines have. */
    private static final Map<String, String> HEADERLESS = Map.of(
            "beats-iis-access-test-iis-7.2.log", "iis-default",
            "beats-iis-access-x-forward-for.log", "iis-default-xff",
            "beats-iis-access-x-forward-for-extended.log", "iis-all-fields-xff",
            "beats-iis-error-iis_error_url.log", "httperr-1.0");

    @Test
    void everyDataLineOfEveryBeatsFixtureIsRead(@TempDir Path caseDir) throws Exception {
        Path real = Fixtures.path("real");
        long dataLines = 0;
        try (Stream<Path> files = Files.list(real)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("beats-")).toList()) {
                Files.copy(f, caseDir.resolve(f.getFileName()));
                dataLines += dataLines(f);
            }
        }
        CaseEvidence ev = new EvidenceCollector().collect("beats", CaseFolder.scan(caseDir));

        assertThat(ev.reports()).hasSize(14).allSatisfy(r -> {
            assertThat(r.kind()).as(r.file()).isEqualTo(r.file().startsWith("beats-iis-error")
                    ? EvidenceKind.HTTPERR_LOG : EvidenceKind.IIS_W3C_LOG);
            assertThat(r.problems()).as(r.file()).isEmpty();
            assertThat(r.entries()).as(r.file()).isEqualTo(dataLines(Fixtures.path("real/" + r.file())));
            String layout = HEADERLESS.get(r.file());
            if (layout != null) {
                assertThat(r.notes()).as(r.file()).singleElement().asString()
                        .startsWith(r.entries() + " line").contains("layout " + layout + " (");
            }
        });
        assertThat(ev.reports().stream().mapToLong(ReadReport::entries).sum()).isEqualTo(dataLines).isEqualTo(52);
    }

    private static long dataLines(Path f) throws IOException {
        return Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
    }
}
