package org.iisdiag.casefolder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.iisdiag.facts.EvidenceKind;
import org.junit.jupiter.api.Test;

class EvidenceSnifferTest {
    static final String IIS_LOG = """
            #Software: Microsoft Internet Information Services 10.0
            #Version: 1.0
            #Date: 2025-01-09 10:00:00
            #Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken
            2025-01-09 10:00:00 10.0.0.10 GET /app/page - 443 - 10.0.0.5 Mozilla/5.0 - 500 19 13 15
            """;
    static final String HTTPERR_LOG = """
            #Software: Microsoft HTTP API 2.0
            #Version: 1.0
            #Date: 2025-01-09 10:00:00
            #Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename
            2025-01-09 10:00:05 10.0.0.5 51234 10.0.0.10 443 HTTP/1.1 GET /app/x.aspx - 503 3 QueueFull DefaultAppPool
            """;
    static final String DATA_LINES = """
            2025-01-09 11:00:00 10.0.0.10 GET /Default.aspx - 80 - 10.0.0.7 Mozilla/5.0 - 200 0 0 10
            2025-01-09 11:00:01 10.0.0.10 GET /Default.aspx - 80 - 10.0.0.7 Mozilla/5.0 - 503 2 0 1
            """;

    static EvidenceKind sniff(String name, String text) {
        return sniff(name, text.getBytes(StandardCharsets.UTF_8));
    }

    static EvidenceKind sniff(String name, byte[] bytes) {
        byte[] head = new byte[EvidenceSniffer.HEAD_BYTES];
        int n = Math.min(bytes.length, head.length);
        System.arraycopy(bytes, 0, head, 0, n);
        return EvidenceSniffer.sniff(name, head, n);
    }

    @Test
    void appcmdListingsOfPoolsAndSitesByTheirLines() {
        assertThat(sniff("apppools.txt", """
                PS C:\\> & $env:windir\\system32\\inetsrv\\appcmd.exe list apppool
                APPPOOL "DefaultAppPool" (MgdVersion:v4.0,MgdMode:Integrated,state:Started)
                """)).isEqualTo(EvidenceKind.APPCMD_LISTING);
        assertThat(sniff("notes/sites.txt", "SITE \"Shop\" (id:2,bindings:http/*:80:,https/*:443:,state:Stopped)\r\n"))
                .isEqualTo(EvidenceKind.APPCMD_LISTING);
        // the word alone is not a listing
        assertThat(sniff("notes.txt", "The APPPOOL \"Shop\" was restarted by the on-call engineer.\n"))
                .isEqualTo(EvidenceKind.UNKNOWN);
    }

    @Test
    void iisW3cLogBySoftwareDirective() {
        assertThat(sniff("W3SVC1/u_ex250109.log", IIS_LOG)).isEqualTo(EvidenceKind.IIS_W3C_LOG);
        assertThat(sniff("x.log", "#Software: Microsoft Internet Information Services 8.5\n#Version: 1.0\n"))
                .isEqualTo(EvidenceKind.IIS_W3C_LOG);
    }

    @Test
    void iisW3cLogByFieldsDirectiveAlone() {
        assertThat(sniff("u_ex.log", "#Fields: date time cs-uri-stem sc-status\n2025-01-09 10:00:00 / 200\n"))
                .isEqualTo(EvidenceKind.IIS_W3C_LOG);
    }

    @Test
    void renamedIisLogIsRecognisedFromContent() {
        assertThat(sniff("foo.txt", IIS_LOG)).isEqualTo(EvidenceKind.IIS_W3C_LOG);
        assertThat(sniff("notes/whatever", IIS_LOG)).isEqualTo(EvidenceKind.IIS_W3C_LOG);
        assertThat(sniff("httperr1.log", IIS_LOG)).as("content wins over a misleading name")
                .isEqualTo(EvidenceKind.IIS_W3C_LOG);
    }

    @Test
    void iisLogWithBomAndCrlf() {
        byte[] body = IIS_LOG.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        assertThat(sniff("u_ex.log", bytes)).isEqualTo(EvidenceKind.IIS_W3C_LOG);
    }

    @Test
    void httpErrBySoftwareDirective() {
        assertThat(sniff("HTTPERR/httperr1.log", HTTPERR_LOG)).isEqualTo(EvidenceKind.HTTPERR_LOG);
        assertThat(sniff("renamed.txt", HTTPERR_LOG)).isEqualTo(EvidenceKind.HTTPERR_LOG);
    }

    @Test
    void httpErrByFieldsWithSReason() {
        String text = "#Fields: date time c-ip c-port s-ip s-port cs-version cs-method cs-uri sc-status s-siteid s-reason s-queuename\n";
        assertThat(sniff("errors.log", text)).isEqualTo(EvidenceKind.HTTPERR_LOG);
        assertThat(sniff("errors.log", text.replace("\n", "\r\n"))).isEqualTo(EvidenceKind.HTTPERR_LOG);
    }

    @Test
    void w3cDataLinesWithoutDirectives() {
        assertThat(sniff("u_ex250109.log", DATA_LINES)).isEqualTo(EvidenceKind.IIS_W3C_LOG);
        assertThat(sniff("cut.txt", "garbage first line\n" + DATA_LINES)).isEqualTo(EvidenceKind.IIS_W3C_LOG);
        assertThat(sniff("HTTPERR/httperr7.log", DATA_LINES)).as("the lines' shape wins over the name")
                .isEqualTo(EvidenceKind.IIS_W3C_LOG);
        assertThat(sniff("HTTPERR/httperr7.log", "2025-01-09 11:00:00 10.0.0.10 GET /Default.aspx - 80 - 10.0.0.7 Mozilla/5.0 - 200 0"))
                .as("the name still decides for W3C-like lines of no known layout").isEqualTo(EvidenceKind.HTTPERR_LOG);
    }

    @Test
    void envYamlByName() {
        assertThat(sniff("env.yaml", "server:\n  name: WEB01\n")).isEqualTo(EvidenceKind.ENV_YAML);
        assertThat(sniff("case/ENV.YML", "")).isEqualTo(EvidenceKind.ENV_YAML);
        assertThat(sniff("env.yaml.bak", "server:\n  name: WEB01\n")).isEqualTo(EvidenceKind.UNKNOWN);
        assertThat(sniff("my-env.yaml", "server:\n  name: WEB01\n")).isEqualTo(EvidenceKind.UNKNOWN);
    }

    @Test
    void failedRequestTrace() {
        String freb = """
                <?xml version="1.0" encoding="UTF-8"?>
                <?xml-stylesheet type="text/xsl" href="freb.xsl"?>
                <failedRequest url="http://localhost:80/app/page.aspx" siteId="1" statusCode="500.19">
                </failedRequest>
                """;
        assertThat(sniff("FailedReqLogFiles/W3SVC1/fr000001.xml", freb)).isEqualTo(EvidenceKind.FAILED_REQUEST_TRACE);
    }

    @Test
    void eventLogXml() {
        assertThat(sniff("system.xml", "<Events><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>"
                + "<System><EventID>5002</EventID></System></Event></Events>")).isEqualTo(EvidenceKind.EVENT_LOG_XML);
        assertThat(sniff("one.xml", "<?xml version=\"1.0\"?>\n<Event xmlns='x'><System/></Event>"))
                .isEqualTo(EvidenceKind.EVENT_LOG_XML);
    }

    @Test
    void eventsCopiedFromEventViewerAsText() {
        String copied = "Log Name:      Application\nSource:        ASP.NET 4.0.30319.0\nDate:          3/11/2025 9:14:22 AM\n"
                + "Event ID:      1309\nTask Category: Web Event\nLevel:         Warning\nDescription:\nEvent code: 3005\n";
        assertThat(sniff("event-1309.txt", copied)).isEqualTo(EvidenceKind.EVENT_LOG_TEXT);
        assertThat(sniff("notes.txt", "    " + copied.replace("\n", "\n    "))).isEqualTo(EvidenceKind.EVENT_LOG_TEXT);
        // the same words in running text, or an ASP.NET description's GUID "Event ID:" alone, are not an event header
        assertThat(sniff("notes.txt", "The Source: was IIS and the Event ID: 1309, see Description: below\n"))
                .isEqualTo(EvidenceKind.UNKNOWN);
        assertThat(sniff("desc.txt", "Event code: 3005\nEvent ID: 6615fb8eb9d54e778b933d5bb7ca91ed\n"))
                .isEqualTo(EvidenceKind.UNKNOWN);
        assertThat(sniff("Application.csv", "Level,Date and Time,Source,Event ID,Task Category\nError,3/11/2025 9:20:05 AM,"
                + "Microsoft-Windows-WAS,5002,None,\"text\"\n")).isEqualTo(EvidenceKind.EVENT_LOG_CSV);
        assertThat(EvidenceKind.EVENT_LOG_TEXT.isEventLog()).isTrue();
        assertThat(sniff("error.txt", "HTTP Error 500.19 - Internal Server Error\nThe requested page cannot be accessed.\n"
                + "Detailed Error Information:\nModule\t   IIS Web Core\nError Code\t   0x8007000d\n"))
                .as("an error page's text copied from the browser").isEqualTo(EvidenceKind.SAVED_ERROR_PAGE);
        assertThat(sniff("notes.txt", "customer says HTTP Error 500 sometimes\n")).isEqualTo(EvidenceKind.UNKNOWN);
        assertThat(EvidenceSniffer.sniff("System.evtx", "ElfFile\0\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 10))
                .isEqualTo(EvidenceKind.EVENT_LOG_EVTX);
        assertThat(EvidenceKind.EVENT_LOG_EVTX.supported()).isFalse();
        assertThat(EvidenceKind.HAR.isEventLog()).isFalse();
    }

    @Test
    void webConfigAndApplicationHostConfig() {
        String webConfig = "<?xml version=\"1.0\"?>\n<configuration>\n  <system.webServer>\n  </system.webServer>\n</configuration>\n";
        assertThat(sniff("site/web.config", webConfig)).isEqualTo(EvidenceKind.WEB_CONFIG);
        String appHost = "<configuration>\n  <configSections>\n    <sectionGroup name=\"system.applicationHost\">\n";
        assertThat(sniff("config/applicationHost.config", appHost)).isEqualTo(EvidenceKind.APPLICATION_HOST_CONFIG);
        assertThat(sniff("copy-of-apphost.xml", appHost)).isEqualTo(EvidenceKind.APPLICATION_HOST_CONFIG);
        assertThat(sniff("inetsrv/config/applicationHost.config", "<configuration>\n</configuration>\n"))
                .as("the name decides when the excerpt does not").isEqualTo(EvidenceKind.APPLICATION_HOST_CONFIG);
        assertThat(sniff("page.html", "<html><body>hi</body></html>")).isEqualTo(EvidenceKind.UNKNOWN);
        assertThat(sniff("500-19.htm", "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">\n<html>\n<head><title>IIS 10.0"
                + " Detailed Error - 500.19 - Internal Server Error</title></head>\n<body><h3>HTTP Error 500.19 - Internal Server"
                + " Error</h3></body></html>\n")).as("an error page saved from the browser").isEqualTo(EvidenceKind.SAVED_ERROR_PAGE);
        assertThat(sniff("web.config", "<configuration>\n  <system.webServer>\n    <httpErrors>\n      <!-- HTTP Error 404 page -->\n"))
                .as("XML that only mentions an error is no page").isEqualTo(EvidenceKind.WEB_CONFIG);
    }

    @Test
    void harJson() {
        String har = "{\n  \"log\": {\n    \"version\": \"1.2\",\n    \"creator\": {\"name\": \"WebInspector\"},\n"
                + "    \"entries\": []\n  }\n}\n";
        assertThat(sniff("capture.har", har)).isEqualTo(EvidenceKind.HAR);
        assertThat(sniff("capture.json", har)).isEqualTo(EvidenceKind.HAR);
        assertThat(sniff("other.json", "{\"name\": \"x\"}")).isEqualTo(EvidenceKind.UNKNOWN);
    }

    @Test
    void getWinEventCsvInUtf16LeWithBom() {
        String csv = "\"TimeCreated\",\"Id\",\"ProviderName\",\"Message\"\r\n"
                + "\"1/9/2025 10:00:05 AM\",\"5002\",\"Microsoft-Windows-WAS\",\"Application pool 'X' is being automatically disabled\"\r\n";
        byte[] body = csv.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        assertThat(sniff("events/system.csv", bytes)).isEqualTo(EvidenceKind.EVENT_LOG_CSV);
        assertThat(sniff("events/system.csv", csv.getBytes(StandardCharsets.UTF_8))).isEqualTo(EvidenceKind.EVENT_LOG_CSV);
        assertThat(sniff("events/system.csv", body)).as("UTF-16LE without BOM, by its NUL pattern")
                .isEqualTo(EvidenceKind.EVENT_LOG_CSV);
    }

    @Test
    void utf16IisLog() {
        byte[] body = IIS_LOG.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        assertThat(sniff("u_ex.log", bytes)).isEqualTo(EvidenceKind.IIS_W3C_LOG);
    }

    @Test
    void ancmStdoutLog() {
        assertThat(sniff("logs/stdout_20250109100000_1234.log", "Unhandled exception. System.Exception: boom\n"))
                .isEqualTo(EvidenceKind.ANCM_STDOUT_LOG);
    }

    @Test
    void ncsaAndIisNativeLines() {
        assertThat(sniff("access.log", "10.0.0.5 - - [09/Jan/2025:10:00:00 +0000] \"GET / HTTP/1.1\" 200 123\n"))
                .isEqualTo(EvidenceKind.IIS_NATIVE_LOG);
        assertThat(sniff("in250109.log",
                "192.168.114.201, -, 03/20/98, 7:55:20, W3SVC2, SALES1, 172.21.13.45, 4502, 163, 3223, 200, 0, GET, /DeptLogo.gif, -,\n"))
                .isEqualTo(EvidenceKind.IIS_NATIVE_LOG);
    }

    @Test
    void unknownText() {
        assertThat(sniff("readme.txt", "Hello, this is a note from the customer.\nThe site is slow.\n"))
                .isEqualTo(EvidenceKind.UNKNOWN);
        assertThat(sniff("empty.log", "")).isEqualTo(EvidenceKind.UNKNOWN);
        assertThat(sniff("binary.bin", new byte[] {0, 1, 2, 3, (byte) 0xff, 0x10})).isEqualTo(EvidenceKind.UNKNOWN);
    }

    @Test
    void onlyTheHeadIsLookedAt() {
        String filler = "x".repeat(EvidenceSniffer.HEAD_BYTES) + "\n";
        assertThat(sniff("late.txt", filler + IIS_LOG)).isEqualTo(EvidenceKind.UNKNOWN);
    }

    @Test
    void iisnodeLogsByName() {
        assertThat(sniff("site/iisnode/WEB01-6180-stderr-1764054762118.txt", "Error: Cannot find module 'x'\n"))
                .isEqualTo(EvidenceKind.NODE_LOG);
        assertThat(sniff("iisnode/WEB01-6180-stdout-1764054762118.txt", "listening\n")).isEqualTo(EvidenceKind.NODE_LOG);
        assertThat(sniff("notes-1-stderr.txt", "Error: x\n")).isEqualTo(EvidenceKind.UNKNOWN);
    }

    @Test
    void phpErrorLogByItsEntries() {
        assertThat(sniff("C/PHP/logs/php_errors.log", "[11-Jun-2025 08:14:08 Europe/Berlin] PHP Fatal error:  Allowed memory size"
                + " of 134217728 bytes exhausted (tried to allocate 20480 bytes) in C:\\inetpub\\x.php on line 88\r\n"))
                .isEqualTo(EvidenceKind.PHP_ERROR_LOG);
        // a log that starts with a stack trace line (the file was cut mid-entry), and an entry without a zone
        assertThat(sniff("errors.txt", "#1 {main}\n[01-Mar-2025 10:00:02] PHP Warning:  Undefined variable $x in C:\\a.php on line 3\n"))
                .isEqualTo(EvidenceKind.PHP_ERROR_LOG);
        // PHP's words in a note are not its log
        assertThat(sniff("notes.txt", "We saw PHP Fatal error: Allowed memory size of 134217728 bytes exhausted yesterday.\n"))
                .isEqualTo(EvidenceKind.UNKNOWN);
    }
}
