package org.iisdiag.evidence.w3c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.iisdiag.casefolder.CaseFolder;
import org.iisdiag.evidence.CaseEvidence;
import org.iisdiag.evidence.EvidenceCollector;
import org.iisdiag.evidence.Fixtures;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.EvidenceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The catalog of known layouts and reading headerless lines by their shape. */
class LogLayoutsTest {

    static java.util.stream.Stream<String> readableLayouts() {
        return LogLayouts.builtIn().all().stream().filter(k -> k.kind() != LogKind.FTP).map(KnownLayout::name);
    }

    /** fixtures/w3c/layouts/NAME.log: headerless lines of our own in each layout of the catalog. */
    @ParameterizedTest
    @MethodSource("readableLayouts")
    void headerlessLinesOfEveryKnownLayoutAreRecognisedAndReadWithTheLayoutNamed(String layout, @TempDir Path caseDir)
            throws Exception {
        Path fixture = Fixtures.path("w3c/layouts/" + layout + ".log");
        Files.copy(fixture, caseDir.resolve("cut.log"));
        CaseEvidence ev = new EvidenceCollector().collect("c", CaseFolder.scan(caseDir));
        ReadReport r = ev.reports().get(0);
        assertThat(r.kind()).isEqualTo(layout.startsWith("httperr") ? EvidenceKind.HTTPERR_LOG : EvidenceKind.IIS_W3C_LOG);
        long lines = Files.readAllLines(fixture).size();
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).isEqualTo(lines);
        assertThat(r.notes()).singleElement().asString().startsWith(lines + " lines").contains("layout " + layout + " (");
    }

    @Test
    void ftpLogsAreRecognisedWithOrWithoutDirectivesAndNotRead(@TempDir Path caseDir) throws Exception {
        Files.copy(Fixtures.path("w3c/layouts/ftp-default.log"), caseDir.resolve("u_ex250304.log"));
        Files.writeString(caseDir.resolve("FTPSVC2.log"), "#Software: Microsoft Internet Information Services 10.0\n"
                + "#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem sc-status sc-win32-status"
                + " sc-substatus x-session x-fullpath\n");
        CaseEvidence ev = new EvidenceCollector().collect("c", CaseFolder.scan(caseDir));
        assertThat(ev.reports()).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(EvidenceKind.FTP_LOG);
            assertThat(r.entries()).isZero();
        });
        assertThat(EvidenceKind.FTP_LOG.supported()).isFalse();
        assertThat(ev.statusCounts()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ip|10.0.0.1|true", "ip|::1%0|true", "ip|fe80::a1b2:3c4d:5e6f:7a8b%12|true", "ip|::ffff:10.0.0.1|true",
            "ip|10.0.0.256|false", "ip|GET|false", "ip|fe80::1%|false", "ip|-|true",
            "method|GET|true", "method|M-POST|true", "method|HTTP/1.1|false", "method|10.0.0.1|false",
            "uri|/a/b|true", "uri|*|true", "uri|http://x/y|true", "uri|GET|false",
            "status|503|true", "status|5030|false", "status|99|false", "port|65535|true", "port|65536|false", "port|0|false",
            "win32|4294967295|true", "win32|4294967296|false", "int|12|true", "int|1.5|false",
            "date|2025-01-09|true", "date|-|false", "time|10:00:00.123|true", "time|10:00|false",
            "version|HTTP/1.1|true", "version|1.1|false", "reason|Timer_ConnectionIdle|true", "reason|503|false",
            "guid|5d7c2e1a-9b3f-4c6d-8e2a-1f0b3c4d5e6f|true", "guid|5d7c2e1a|false", "text|anything|true"})
    void fieldTypes(String type, String value, boolean fits) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        assertThat(FieldType.named(type).matches(b, 0, b.length)).isEqualTo(fits);
    }

    @Test
    void aKnowledgeBaseCatalogReplacesTheBuiltInOne(@TempDir Path kb, @TempDir Path caseDir) throws Exception {
        Files.writeString(kb.resolve(LogLayouts.FILE), """
                types: {sc-status: status, date: date, time: time}
                layouts:
                  - name: tiny
                    kind: iis
                    description: a minimal custom layout
                    fields: date time sc-status cs-uri-stem
                """);
        // recognised by its directive: content sniffing knows the built-in layouts only
        Files.writeString(caseDir.resolve("u_ex.log"), "#Software: Microsoft Internet Information Services 10.0\n"
                + "2025-01-09 10:00:00 404 /missing\n");
        LogLayouts custom = LogLayouts.forKnowledgeBase(kb);
        assertThat(custom.all()).extracting(KnownLayout::name).containsExactly("tiny");
        CaseEvidence ev = new EvidenceCollector(1, custom).collect("c", CaseFolder.scan(caseDir));
        assertThat(ev.reports().get(0).notes()).filteredOn(n -> n.contains("read by its shape"))
                .singleElement().asString().contains("layout tiny (a minimal custom layout)");
        assertThat(ev.statusCounts()).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(404));
        assertThat(LogLayouts.forKnowledgeBase(caseDir)).as("no catalog there: the built-in one")
                .isSameAs(LogLayouts.builtIn());
    }

    @Test
    void aMalformedCatalogNamesTheLayoutAndTheProblem() {
        assertThatThrownBy(() -> parse("layouts:\n  - name: a\n    kind: web\n    fields: date time\n"))
                .hasMessageContaining("layout 'a'").hasMessageContaining("kind must be iis, httperr or ftp");
        assertThatThrownBy(() -> parse("types: {date: day}\nlayouts: []\n")).hasMessageContaining("unknown type 'day'");
        assertThatThrownBy(() -> parse("layouts:\n  - name: a\n    kind: iis\n    fields: date\n    colour: red\n"))
                .hasMessageContaining("unknown key 'colour'");
        assertThatThrownBy(() -> parse("layouts:\n  - {name: a, kind: iis, fields: date}\n  - {name: a, kind: iis, fields: time}\n"))
                .hasMessageContaining("unique name");
    }

    @Test
    void theShippedCatalogIsTheOneInTheKnowledgeBaseFolder() throws Exception {
        LogLayouts shipped = LogLayouts.forKnowledgeBase(Path.of("knowledge-base"));
        assertThat(shipped.all()).extracting(KnownLayout::name)
                .containsExactlyElementsOf(LogLayouts.builtIn().all().stream().map(KnownLayout::name).toList());
    }

    private static LogLayouts parse(String yaml) throws Exception {
        return LogLayouts.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }
}
