package org.iisdiag.evidence.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.iisdiag.casefolder.EvidenceSniffer;
import org.iisdiag.classified.WsgiPrograms;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.HandlerMapping;
import org.iisdiag.facts.WsgiHandlerError;
import org.junit.jupiter.api.Test;

class WsgiLogReaderTest {
    private static final String LOG = """
            2025-06-12 08:00:04.118230: wfastcgi.py 3.0.0 initialized
            2025-06-12 09:14:03.120000: Error occurred while reading WSGI handler:

            Traceback (most recent call last):
              File "C:\\Python312\\Lib\\site-packages\\wfastcgi.py", line 791, in main
                env, handler = read_wsgi_handler(response.physical_path)
              File "C:\\Python312\\Lib\\site-packages\\wfastcgi.py", line 616, in get_wsgi_handler
                raise ValueError('"%s" could not be imported%s' % (handler_name, last_tb))
            ValueError: "portal.wsgi.application" could not be imported: Traceback (most recent call last):
              File "D:\\sites\\portal\\portal\\wsgi.py", line 12, in <module>
                from django.core.wsgi import get_wsgi_application
            ModuleNotFoundError: No module named 'django'

            StdOut: 
            KeyError: not the traceback's

            StdErr: 
            2025-06-12 09:14:03.121900: wfastcgi.py 3.0.0 closed
            2025-06-12 09:20:11.500000: Error occurred while reading WSGI handler:

            Traceback (most recent call last):
              File "C:\\Python312\\Lib\\site-packages\\wfastcgi.py", line 586, in get_wsgi_handler
            ModuleNotFoundError: No module named 'django.core'

            StdOut: 
            """;

    private List<Object> read(String text, ReadReport report) throws IOException {
        WsgiLogReader reader = new WsgiLogReader();
        reader.read("wfastcgi.log", "", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), report);
        return reader.facts();
    }

    @Test
    void keepsTheLastExceptionOfEachErrorWithTheHandlerItCouldNotImportAndTheWfastcgiThatRan() throws IOException {
        ReadReport report = new ReadReport("wfastcgi.log", EvidenceKind.WSGI_LOG);
        List<Object> facts = read(LOG, report);
        assertThat(report.entries()).isEqualTo(4);
        assertThat(facts).hasSize(2).first().isInstanceOfSatisfying(WsgiHandlerError.class, e -> {
            assertThat(e.stage()).isEqualTo("Error occurred while reading WSGI handler");
            assertThat(e.exception()).isEqualTo("ModuleNotFoundError");
            assertThat(e.message()).isEqualTo("No module named 'django'");
            assertThat(e.handler()).isEqualTo("portal.wsgi.application");
            assertThat(e.wfastcgiPath()).isEqualTo("C:\\Python312\\Lib\\site-packages\\wfastcgi.py");
            assertThat(e.missingModule()).isEqualTo("django");
            assertThat(e.importFailed()).isTrue();
            assertThat(e.firstSeen()).isEqualTo(Instant.parse("2025-06-12T09:14:03.120Z"));
            assertThat(e.samples()).singleElement().satisfies(s -> assertThat(s.line()).isEqualTo(2));
        });
        assertThat(((WsgiHandlerError) facts.get(1)).missingModule()).isEqualTo("django");
    }

    @Test
    void anErrorWithoutAnExceptionLineIsNotKept() throws IOException {
        List<Object> facts = read("2025-06-12 09:14:03.120000: Error occurred while reading WSGI handler:\n\nStdOut: \n",
                new ReadReport("wfastcgi.log", EvidenceKind.WSGI_LOG));
        assertThat(facts).isEmpty();
    }

    @Test
    void theInterpreterIsTheHandlersProgramElseTheOneBesideTheTracebacksSitePackages() throws IOException {
        WsgiHandlerError e = (WsgiHandlerError) read(LOG, new ReadReport("wfastcgi.log", EvidenceKind.WSGI_LOG)).get(0);
        HandlerMapping venv = new HandlerMapping("Python FastCGI", "*", "FastCgiModule",
                "D:\\sites\\portal\\venv\\Scripts\\python.exe|D:\\sites\\portal\\venv\\Lib\\site-packages\\wfastcgi.py", "",
                "web.config", "", "web.config:11");
        HandlerMapping php = new HandlerMapping("PHP", "*.php", "FastCgiModule", "C:\\PHP\\php-cgi.exe", "", "web.config", "", "");
        assertThat(WsgiPrograms.interpreter(List.of(php, venv), e)).isEqualTo("D:\\sites\\portal\\venv\\Scripts\\python.exe");
        assertThat(WsgiPrograms.interpreter(List.of(php), e)).isEqualTo("C:\\Python312\\python.exe");
    }

    @Test
    void theSnifferRecognisesTheLogByItsEntries() {
        byte[] head = LOG.getBytes(StandardCharsets.UTF_8);
        assertThat(EvidenceSniffer.sniff("logs/wfastcgi.log", head, head.length)).isEqualTo(EvidenceKind.WSGI_LOG);
    }
}
