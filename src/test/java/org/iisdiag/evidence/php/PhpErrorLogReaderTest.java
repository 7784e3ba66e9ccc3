package org.iisdiag.evidence.php;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.PhpError;
import org.junit.jupiter.api.Test;

class PhpErrorLogReaderTest {
    private final PhpErrorLogReader reader = new PhpErrorLogReader();

    private ReadReport read(String name, String text) throws IOException {
        ReadReport report = new ReadReport(name, EvidenceKind.PHP_ERROR_LOG);
        reader.read(name, "", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), report);
        return report;
    }

    @Test
    void keepsTheErrorsThatEndARequestWithTheirLocationAndUtcTimes() throws IOException {
        ReadReport r = read("php/php_errors.log", """
                [10-Jun-2025 22:15:47 Europe/Berlin] PHP Warning:  Undefined array key "region" in C:\\inetpub\\shop\\export.php on line 31\r
                [11-Jun-2025 08:14:08 Europe/Berlin] PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 4194312 bytes) in C:\\inetpub\\shop\\lib\\CsvExporter.php on line 88\r
                [11-Jun-2025 08:34:10 Europe/Berlin] PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 4194312 bytes) in C:\\inetpub\\shop\\lib\\CsvExporter.php on line 88\r
                [11-Jun-2025 04:00:31 UTC] PHP Parse error:  syntax error, unexpected token "}" in C:\\inetpub\\shop\\admin\\old.php on line 7\r
                """);
        assertThat(r.lines()).isEqualTo(4);
        assertThat(r.entries()).isEqualTo(4);
        assertThat(r.notes()).singleElement().asString().contains("1 warnings, notices or deprecations not kept");
        assertThat(reader.facts()).hasSize(2).first().isInstanceOfSatisfying(PhpError.class, e -> {
            assertThat(e.level()).isEqualTo("Fatal error");
            assertThat(e.message()).isEqualTo("Allowed memory size of 134217728 bytes exhausted (tried to allocate 4194312 bytes)");
            assertThat(e.location()).isEqualTo("C:\\inetpub\\shop\\lib\\CsvExporter.php:88");
            assertThat(e.count()).isEqualTo(2);
            // Europe/Berlin is UTC+2 in June: the IIS log's 06:14:08
            assertThat(e.firstSeen()).isEqualTo(Instant.parse("2025-06-11T06:14:08Z"));
            assertThat(e.lastSeen()).isEqualTo(Instant.parse("2025-06-11T06:34:10Z"));
            assertThat(e.samples()).hasSize(2).first().satisfies(s -> assertThat(s.line()).isEqualTo(2));
        });
        assertThat(reader.facts()).last().isInstanceOfSatisfying(PhpError.class, e -> {
            assertThat(e.level()).isEqualTo("Parse error");
            assertThat(e.script()).isEqualTo("C:\\inetpub\\shop\\admin\\old.php");
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.firstSeen()).isEqualTo(Instant.parse("2025-06-11T04:00:31Z"));
        });
    }

    @Test
    void anUncaughtExceptionIsOneEntryAndItsStackIsNot() throws IOException {
        ReadReport r = read("php_errors.log", """
                [01-Mar-2025 10:00:02 UTC] PHP Fatal error:  Uncaught Error: Call to undefined function mysql_connect() in C:\\inetpub\\news\\inc\\db.php:12
                Stack trace:
                #0 C:\\inetpub\\news\\news.php(3): require_once()
                #1 {main}
                  thrown in C:\\inetpub\\news\\inc\\db.php on line 12
                [01-Mar-2025 10:00:09] PHP Fatal error:  Uncaught Error: Call to undefined function mysql_connect() in C:\\inetpub\\news\\inc\\db.php:12
                """);
        assertThat(r.entries()).isEqualTo(2);
        assertThat(reader.facts()).singleElement().isInstanceOfSatisfying(PhpError.class, e -> {
            assertThat(e.message()).isEqualTo("Uncaught Error: Call to undefined function mysql_connect()");
            assertThat(e.location()).isEqualTo("C:\\inetpub\\news\\inc\\db.php:12");
            assertThat(e.count()).as("the line without a zone is taken as UTC, PHP's default").isEqualTo(2);
            assertThat(e.lastSeen()).isEqualTo(Instant.parse("2025-03-01T10:00:09Z"));
        });
    }

    @Test
    void aZoneJavaDoesNotKnowLeavesTheErrorWithoutATimeAndSaysSo() throws IOException {
        ReadReport r = read("php_errors.log",
                "[01-Mar-2025 10:00:02 Mars/Olympus_Mons] PHP Fatal error:  Maximum execution time of 30 seconds exceeded in /var/www/x.php on line 5\n");
        assertThat(r.notes()).singleElement().asString().contains("'Mars/Olympus_Mons'");
        assertThat(reader.facts()).singleElement().isInstanceOfSatisfying(PhpError.class, e -> {
            assertThat(e.firstSeen()).isNull();
            assertThat(e.location()).isEqualTo("/var/www/x.php:5");
        });
    }

    @Test
    void distinctErrorsBeyondTheCapAreNotKept() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= PhpErrorLogReader.MAX_KEYS; i++) {
            b.append("[01-Mar-2025 10:00:02 UTC] PHP Fatal error:  Class \"C").append(i).append("\" not found in C:\\a.php on line 1\n");
        }
        ReadReport r = read("php_errors.log", b.toString());
        assertThat(reader.facts()).hasSize(PhpErrorLogReader.MAX_KEYS);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("more than " + PhpErrorLogReader.MAX_KEYS));
    }
}
