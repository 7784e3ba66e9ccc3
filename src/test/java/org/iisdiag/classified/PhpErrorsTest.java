package org.iisdiag.classified;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.iisdiag.conclusions.Target;
import org.iisdiag.facts.HandlerMapping;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.PhpError;
import org.iisdiag.facts.TimeTakenRange;
import org.iisdiag.facts.UriCount;
import org.junit.jupiter.api.Test;

class PhpErrorsTest {
    private static final Instant T = Instant.parse("2025-06-11T06:00:00Z");

    private static PhpError error(String script, int line, long count) {
        return new PhpError("Fatal error", "Allowed memory size of 134217728 bytes exhausted", script, line, count, T, T, List.of());
    }

    private static ErrorStatus status500(UriCount... uris) {
        IisStatusCount c = new IisStatusCount("", "W3SVC3", 500, 0, 0, 9, T, T, List.of(uris), List.of(), TimeTakenRange.NONE);
        return new ErrorStatus(c, 500, 0, 0, 9, null, Target.CASE);
    }

    @Test
    void urlsAreTheOnesNamedByTheScriptElseThoseNoOtherErrorNames() {
        PhpError reindex = error("C:\\app\\admin\\reindex.php", 143, 2);
        PhpError exporter = error("C:\\app\\lib\\CsvExporter.php", 88, 7);
        ErrorStatus s = status500(new UriCount("/reports/export.php?list=2024", 7, 0), new UriCount("/admin/reindex.php", 2, 0));
        List<PhpError> all = List.of(reindex, exporter);
        assertThat(PhpErrors.uris(List.of(s), List.of(reindex), all)).extracting(UriCount::uri).containsExactly("/admin/reindex.php");
        // an included file names no URL: the URLs no other error claims are its
        assertThat(PhpErrors.uris(List.of(s), List.of(exporter), all)).extracting(UriCount::uri)
                .containsExactly("/reports/export.php?list=2024");
        assertThat(PhpErrors.requests(PhpErrors.uris(List.of(s), List.of(exporter), all))).isEqualTo(7);
        // every URL claimed by another error: all of them
        assertThat(PhpErrors.uris(List.of(status500(new UriCount("/admin/reindex.php", 2, 0))), List.of(exporter), all)).hasSize(1);
    }

    @Test
    void theMostFrequentErrorAndTheLocationsInOrder() {
        PhpError rare = error("C:\\app\\b.php", 1, 1);
        PhpError often = error("C:\\app\\a.php", 9, 5);
        assertThat(PhpErrors.mostFrequent(List.of(rare, often))).isSameAs(often);
        assertThat(PhpErrors.locations(List.of(rare, often))).isEqualTo("C:\\app\\a.php:9 (5 times), C:\\app\\b.php:1 (1 time)");
        assertThat(PhpErrors.total(List.of(rare, often, "not an error"))).isEqualTo(6);
    }

    @Test
    void memoryLimitInPhpIniNotationAndThePhpProgramOfTheHandlers() {
        assertThat(PhpErrors.memoryLimit("134217728")).isEqualTo("128M");
        assertThat(PhpErrors.memoryLimit("100000")).isEqualTo("100000 bytes");
        HandlerMapping php = new HandlerMapping("PHP_via_FastCGI", "*.php", "FastCgiModule", "\"C:\\PHP\\php-cgi.exe\"", "",
                "applicationHost.config", "", "applicationHost.config:40");
        assertThat(PhpErrors.program(List.of(php))).isEqualTo("C:\\PHP\\php-cgi.exe");
        assertThat(PhpErrors.folder(PhpErrors.program(List.of(php)))).isEqualTo("C:\\PHP");
        assertThat(PhpErrors.program(List.of())).isEmpty();
    }
}
