package org.iisdiag.evidence.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.iisdiag.evidence.Fixtures;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.AncmEvent;
import org.iisdiag.facts.AncmEventKind;
import org.iisdiag.facts.ApplicationCrash;
import org.iisdiag.facts.AspNetWebEvent;
import org.iisdiag.facts.DotNetRuntimeCrash;
import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.OtherEvent;
import org.iisdiag.facts.WasEvent;
import org.junit.jupiter.api.Test;

class EventLogReaderTest {
    private final EventLogReader reader = new EventLogReader();

    private ReadReport read(String fixture) throws IOException {
        ReadReport report = new ReadReport(fixture, fixture.endsWith(".csv") ? EvidenceKind.EVENT_LOG_CSV : EvidenceKind.EVENT_LOG_XML);
        reader.read(fixture, "", Fixtures.resource("eventlog/" + fixture), report);
        return report;
    }

    private ReadReport readText(String name, String text) throws IOException {
        ReadReport report = new ReadReport(name, EvidenceKind.EVENT_LOG_XML);
        reader.read(name, "", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), report);
        return report;
    }

    private <T> List<T> facts(Class<T> type) {
        return reader.facts().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The 1-based line of the first line of {@code fixture} containing {@code text}. */
    private static long lineOf(String fixture, String text, java.nio.charset.Charset cs) {
        String[] lines = new String(Fixtures.bytes("eventlog/" + fixture), cs).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + fixture);
    }

    @Test
    void readsRootlessWevtutilOutputIntoAncmFacts() throws IOException {
        ReadReport r = read("wevtutil-application.xml");
        assertThat(r.failed()).isFalse();
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).isEqualTo(13);
        assertThat(facts(AncmEvent.class)).extracting(AncmEvent::eventId, AncmEvent::kind, AncmEvent::application,
                AncmEvent::errorCode, AncmEvent::processExitCode, AncmEvent::exitCode, AncmEvent::count).containsExactly(
                tuple(1000, AncmEventKind.PROCESS_START_FAILURE, "MACHINE/WEBROOT/APPHOST/SHOP", "0x80004005", "80008083", "", 2L),
                tuple(1007, AncmEventKind.INPROCESS_START_FAILURE, "/LM/W3SVC/2/ROOT", "", "", "", 1L),
                tuple(1008, AncmEventKind.DUPLICATED_INPROCESS_APP, "/LM/W3SVC/3/ROOT/admin", "", "", "", 1L),
                tuple(1011, AncmEventKind.INPROCESS_START_FAILURE, "/LM/W3SVC/2/ROOT", "", "", "1", 1L),
                tuple(1035, AncmEventKind.INPROCESS_START_FAILURE, "/LM/W3SVC/2/ROOT", "", "", "-532462766", 1L));
        AncmEvent start = facts(AncmEvent.class).get(0);
        assertThat(start.physicalRoot()).isEqualTo("C:\\inetpub\\shop\\");
        assertThat(start.commandLine()).isEqualTo("\"C:\\Program Files\\dotnet\\dotnet.exe\" .\\Shop.dll");
        assertThat(start.times().first()).isEqualTo(LocalDateTime.parse("2025-01-09T10:00:05.1234567"));
        assertThat(start.times().last()).isEqualTo(LocalDateTime.parse("2025-01-09T10:03:41.555"));
        assertThat(start.times().utc()).isTrue();
        assertThat(start.times().firstUtc()).hasToString("2025-01-09T10:00:05.123456700Z");
        assertThat(start.samples()).extracting(s -> s.location())
                .containsExactly("wevtutil-application.xml:1", "wevtutil-application.xml:2");
        assertThat(start.samples().get(0).text()).startsWith("IIS AspNetCore Module V2 1000: Application 'MACHINE/WEBROOT/APPHOST/SHOP'");
        assertThat(start.describe()).contains("2 x IIS AspNetCore Module V2 event 1000 (PROCESS_START_FAILURE)")
                .contains("ErrorCode 0x80004005 : 80008083");
        assertThat(start.status()).isZero();
        assertThat(start.occurrences()).isEqualTo(2);
        // 1007 exception text from the rendered message; 1035 the unhandled exception of the captured stdout
        assertThat(facts(AncmEvent.class).get(1).exception()).isEqualTo("CLR worker thread exited prematurely");
        assertThat(facts(AncmEvent.class).get(4).exception()).startsWith("System.InvalidOperationException: Unable to resolve service")
                .doesNotContain("\n");
        // the 1007 event starts on line 3 and its message spans two lines, so 1011 starts on line 6 - 1
        long line1011 = lineOf("wevtutil-application.xml", ">1011<", StandardCharsets.UTF_8);
        assertThat(facts(AncmEvent.class).get(3).samples().get(0).line()).isEqualTo(line1011);
    }

    @Test
    void readsAspNet1309WithAndWithoutRendering() throws IOException {
        read("wevtutil-application.xml");
        List<AspNetWebEvent> web = facts(AspNetWebEvent.class);
        assertThat(web).extracting(AspNetWebEvent::eventCode, AspNetWebEvent::exceptionType, AspNetWebEvent::exceptionMessage,
                AspNetWebEvent::requestPath, AspNetWebEvent::applicationVirtualPath).containsExactlyInAnyOrder(
                tuple(3005, "NullReferenceException", "Object reference not set to an instance of an object.",
                        "/legacy/checkout.aspx", "/legacy"),
                tuple(3001, "HttpException", "Request timed out.", "/legacy/report.aspx", "/legacy"));
        AspNetWebEvent unrendered = web.stream().filter(w -> w.eventCode() == 3005).findFirst().orElseThrow();
        // positional inserts: 14 process id, 15 process name, 16 account, 19 URL (query secrets masked)
        assertThat(unrendered.processId()).isEqualTo("5188");
        assertThat(unrendered.processName()).isEqualTo("w3wp.exe");
        assertThat(unrendered.accountName()).isEqualTo("IIS APPPOOL\\LegacyPool");
        assertThat(unrendered.eventMessage()).isEqualTo("An unhandled exception has occurred.");
        assertThat(unrendered.requestUrl()).isEqualTo("https://shop.contoso.com:443/legacy/checkout.aspx?order=1001&token=***");
        AspNetWebEvent rendered = web.stream().filter(w -> w.eventCode() == 3001).findFirst().orElseThrow();
        assertThat(rendered.requestUrl()).contains("password=***").doesNotContain("hunter2");
        assertThat(rendered.accountName()).isEqualTo("IIS APPPOOL\\LegacyPool");
        assertThat(rendered.samples()).allSatisfy(s -> assertThat(s.text()).doesNotContain("hunter2"));
        // "Thread account name" and "Is impersonating" of the thread information
        assertThat(rendered.threadAccountName()).isEqualTo("IIS APPPOOL\\LegacyPool");
        assertThat(rendered.impersonating()).isFalse();
        // the application domain, positional (insert 8) and rendered, without the suffix of the domain's start
        assertThat(web).extracting(AspNetWebEvent::applicationDomain).containsOnly("/LM/W3SVC/1/ROOT/legacy");
    }

    @Test
    void positionalAspNetMappingFollowsTheInsertOrder() {
        List<String> data = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            data.add("d" + i);
        }
        data.set(0, "3008");
        RawEvent e = new RawEvent("ASP.NET 4.0.30319.0", 1310, 3, "Application", null, true, null, data, java.util.Map.of(), "", 1);
        AspNetWebEvent a = EventAggregator.aspNet(e, e.text());
        assertThat(List.of(a.eventCode(), a.eventMessage(), a.applicationDomain(), a.applicationVirtualPath(), a.processId(),
                a.processName(), a.accountName(), a.exceptionType(), a.exceptionMessage(), a.requestUrl(), a.requestPath()))
                .containsExactly(3008, "d1", "d8", "d10", "d14", "d15", "d16", "d17", "d18", "d19", "d20");
        // 24 authentication type, 25 thread account name, 28 is impersonating
        assertThat(List.of(a.authenticationType(), a.threadAccountName())).containsExactly("d24", "d25");
        assertThat(a.impersonating()).isFalse();
        data.set(28, "True");
        assertThat(EventAggregator.aspNet(new RawEvent("ASP.NET 4.0.30319.0", 1309, 3, "Application", null, true, null, data,
                java.util.Map.of(), "", 1), "").impersonating()).isTrue();
    }

    @Test
    void readsRuntimeAndApplicationCrashes() throws IOException {
        read("wevtutil-application.xml");
        assertThat(facts(DotNetRuntimeCrash.class)).singleElement().satisfies(c -> {
            assertThat(c.application()).isEqualTo("w3wp.exe");
            assertThat(c.frameworkVersion()).isEqualTo("v4.0.30319");
            assertThat(c.exceptionType()).isEqualTo("System.StackOverflowException");
        });
        assertThat(facts(ApplicationCrash.class)).extracting(ApplicationCrash::faultingApplication, ApplicationCrash::faultingModule,
                ApplicationCrash::exceptionCode, ApplicationCrash::faultOffset, ApplicationCrash::processId).containsExactlyInAnyOrder(
                tuple("w3wp.exe", "clr.dll", "0xc00000fd", "0000000000012345", "0x143c"),          // positional inserts
                tuple("w3wp.exe", "KERNELBASE.dll", "0xe0434352", "0x000000000003f19c", "0x1f40"), // rendered text
                tuple("w3wp.exe", "coreclr.dll", "0xc0000005", "00000000001a2b3c", "0x1400"));     // named (Server 2022)
        // the faulting module's version and path, from each of the three shapes; none of them is the application's own
        assertThat(facts(ApplicationCrash.class)).extracting(ApplicationCrash::faultingModule, ApplicationCrash::moduleVersion,
                ApplicationCrash::modulePath, ApplicationCrash::moduleOutsideWindows).containsExactlyInAnyOrder(
                tuple("clr.dll", "4.8.9181.0", "C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\clr.dll", false),
                tuple("KERNELBASE.dll", "10.0.20348.2849", "C:\\Windows\\System32\\KERNELBASE.dll", false),
                tuple("coreclr.dll", "8.0.1124.51707", "C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App\\8.0.11\\coreclr.dll", false));
        assertThat(facts(OtherEvent.class)).extracting(OtherEvent::channel, OtherEvent::provider, OtherEvent::eventId,
                OtherEvent::level, OtherEvent::count).containsExactly(tuple("Application", "Microsoft-Windows-Security-SPP", 16384, 4, 1L));
    }

    @Test
    void aFaultingModuleOutsideWindowsAndTheDotNetRuntimeIsTheApplicationsOrAVendors() {
        assertThat(crashIn("E:\\Sites\\ClaimsApi\\bin\\x64\\nwImaging64.dll").moduleOutsideWindows()).isTrue();
        assertThat(crashIn("C:\\Program Files\\Vendor\\Agent\\agent64.dll").moduleOutsideWindows()).isTrue();
        assertThat(crashIn("c:\\windows\\system32\\ntdll.dll").moduleOutsideWindows()).isFalse();
        assertThat(crashIn("C:\\Program Files (x86)\\dotnet\\shared\\Microsoft.NETCore.App\\8.0.11\\coreclr.dll").moduleOutsideWindows()).isFalse();
        assertThat(crashIn("").moduleOutsideWindows()).isFalse();
        assertThat(crashIn("nwImaging64.dll").moduleOutsideWindows()).isFalse();
    }

    private static ApplicationCrash crashIn(String modulePath) {
        return new ApplicationCrash("w3wp.exe", "m.dll", "0xc0000005", "0", "0x1", "1.0.0.0", modulePath, 1,
                org.iisdiag.facts.EventTimes.NONE, List.of());
    }

    @Test
    void readsWasEventsFromNamedData() throws IOException {
        read("wevtutil-system.xml");
        assertThat(facts(WasEvent.class)).extracting(WasEvent::eventId, WasEvent::appPool, WasEvent::processId, WasEvent::exitCode,
                WasEvent::count).containsExactly(
                tuple(5009, "ShopPool", "4312", "0xff", 3L),
                tuple(2280, "", "", "", 1L),
                tuple(5002, "ShopPool", "", "", 1L),
                tuple(5021, "ReportsPool", "", "", 1L),
                tuple(5057, "ReportsPool", "", "", 1L));
        WasEvent crash = facts(WasEvent.class).get(0);
        assertThat(crash.times().first()).isEqualTo(LocalDateTime.parse("2025-01-09T10:00:07"));
        assertThat(crash.times().last()).isEqualTo(LocalDateTime.parse("2025-01-09T10:01:10"));
        assertThat(crash.samples()).hasSize(3);
        assertThat(crash.samples().get(0).text()).contains("AppPoolID=ShopPool");
        assertThat(facts(WasEvent.class).get(1).detail()).startsWith("The Module DLL C:\\WINDOWS\\system32\\inetsrv\\aspnetcore.dll failed");
        assertThat(facts(OtherEvent.class)).extracting(OtherEvent::provider).containsExactly("Service Control Manager");
    }

    @Test
    void aWorkerProcessEventsBinaryDataIsItsError() {
        java.util.Map<String, String> named = new java.util.LinkedHashMap<>();
        named.put("ModuleDll", "C:\\Program Files\\Contoso\\x64\\Guard.dll");
        named.put(EventXmlParser.BINARY, "C1000780");
        RawEvent e = new RawEvent("Microsoft-Windows-IIS-W3SVC-WP", 2280, 2, "Application", null, true, null, List.of(), named, "0", 1);
        WasEvent w = EventAggregator.was(e, e.text());
        assertThat(w.exitCode()).isEqualTo("0x800700c1");
        assertThat(e.text()).doesNotContain("C1000780");
        assertThat(EventAggregator.dword("7E000780")).isEqualTo("8007007e");
        assertThat(EventAggregator.dword("7E00")).isEmpty();
    }

    @Test
    void wasTextFallbackAndPositionalInserts() {
        RawEvent rendered = new RawEvent("WAS", 5009, 3, "System", null, true,
                "A process serving application pool 'Api Pool' terminated unexpectedly. The process id was '77'. The process exit code was '0xe0434352'.",
                List.of(), java.util.Map.of(), "", 1);
        WasEvent w = EventAggregator.was(rendered, rendered.text());
        assertThat(List.of(w.appPool(), w.processId(), w.exitCode())).containsExactly("Api Pool", "77", "0xe0434352");
        RawEvent positional = new RawEvent("WAS", 5009, 3, "System", null, true, null, List.of("Api", "78", "C0000005"),
                java.util.Map.of(), "", 1);
        WasEvent p = EventAggregator.was(positional, positional.text());
        assertThat(List.of(p.appPool(), p.processId(), p.exitCode())).containsExactly("Api", "78", "0xc0000005");
    }

    @Test
    void wasConfigurationReadErrorKeepsFileLineAndMessageAndPoolsAreTheQuotedNames() {
        RawEvent read = new RawEvent("Microsoft-Windows-WAS", 5172, 2, "System", null, true,
                "The Windows Process Activation Service encountered an error trying to read configuration data from file "
                        + "'\\\\?\\C:\\Windows\\system32\\inetsrv\\config\\applicationHost.config', line number '95'.  "
                        + "The error message is: 'Configuration file is not well-formed XML\r\n'. The data field contains the error number.",
                List.of(), java.util.Map.of(), "", 1);
        WasEvent w = EventAggregator.was(read, read.text());
        assertThat(w.detail()).isEqualTo("file 'C:\\Windows\\system32\\inetsrv\\config\\applicationHost.config' line 95: "
                + "Configuration file is not well-formed XML");
        assertThat(w.appPool()).isEmpty();
        RawEvent gen = new RawEvent("Microsoft-Windows-WAS", 5189, 2, "System", null, true,
                "The Windows Process Activation Service failed to generate an application pool config file for application pool "
                        + "'HrPool'. The error type is '0'. To resolve this issue, please ensure that the applicationhost.config file is "
                        + "correct and recommit the last configuration changes made. The data field contains the error number.",
                List.of(), java.util.Map.of(), "", 1);
        WasEvent g = EventAggregator.was(gen, gen.text());
        assertThat(g.appPool()).as("the quoted name, not the words after 'application pool'").isEqualTo("HrPool");
        assertThat(g.detail()).isEmpty();
    }

    @Test
    void readsEventViewerSaveAsXml() throws IOException {
        ReadReport r = read("eventviewer-saved.xml");
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).isEqualTo(3);
        assertThat(facts(AncmEvent.class)).extracting(AncmEvent::provider, AncmEvent::eventId, AncmEvent::kind,
                AncmEvent::processExitCode).containsExactlyInAnyOrder(
                tuple("IIS AspNetCore Module", 1000, AncmEventKind.PROCESS_START_FAILURE, "ff"),
                tuple("IIS Express AspNetCore Module V2", 1031, AncmEventKind.HANDLER_LOAD_FAILURE, ""),
                tuple("IIS AspNetCore Module V2", 1009, AncmEventKind.MIXED_HOSTING_MODEL, ""));
        // the XML declaration is blanked, not removed: events keep their real lines
        assertThat(facts(AncmEvent.class)).filteredOn(a -> a.eventId() == 1000).singleElement()
                .satisfies(a -> assertThat(a.samples().get(0).location()).isEqualTo("eventviewer-saved.xml:3"));
    }

    @Test
    void ancmStartFailureCarriesKestrelsBindFailureAndItsSocketError() throws IOException {
        String event = "<Events><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
                + "<Provider Name='IIS AspNetCore Module V2'/><EventID Qualifiers='0'>1000</EventID><Level>2</Level>"
                + "<TimeCreated SystemTime='2025-10-21T05:02:13.9040000Z'/><Channel>Application</Channel></System><EventData>"
                + "<Data>Application '/LM/W3SVC/4/ROOT' with physical root 'E:\\Apps\\Orders\\' failed to start process with"
                + " commandline 'dotnet .\\Orders.dll' with multiple retries. Failed to bind to port '50317'. First 30KB"
                + " characters of captured stdout and stderr logs from multiple retries:\ncrit: Microsoft.AspNetCore.Server.Kestrel[0]\n"
                + "      Unable to start Kestrel.\n      System.IO.IOException: Failed to bind to address http://127.0.0.1:50317.\n"
                + "       ---&gt; System.Net.Sockets.SocketException (10013): An attempt was made to access a socket in a way"
                + " forbidden by its access permissions.\n         at System.Net.Sockets.Socket.Bind(EndPoint localEP)\n"
                + "</Data></EventData></Event></Events>";
        readText("bind.xml", event);
        assertThat(facts(AncmEvent.class)).singleElement().satisfies(a -> assertThat(a.exception()).isEqualTo(
                "Failed to bind to address http://127.0.0.1:50317. ---> System.Net.Sockets.SocketException (10013): An attempt"
                + " was made to access a socket in a way forbidden by its access permissions."));
    }

    @Test
    void ancmEventQuotesTheMissingFrameworkInTheLayoutOfDotNet6AndLater() throws IOException {
        String event = "<Events><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
                + "<Provider Name='IIS AspNetCore Module V2'/><EventID Qualifiers='0'>1031</EventID><Level>2</Level>"
                + "<TimeCreated SystemTime='2026-01-12T07:45:03.1400000Z'/><Channel>Application</Channel></System><EventData>"
                + "<Data>Could not find 'aspnetcorev2_inprocess.dll'. Exception message:\nYou must install or update .NET to run"
                + " this application.\n\nApp: D:\\Sites\\Portal\\Portal.dll\nArchitecture: x64\n"
                + "Framework: 'Microsoft.AspNetCore.App', version '9.0.0' (x64)\n.NET location: C:\\Program Files\\dotnet\\\n"
                + "</Data></EventData></Event></Events>";
        readText("framework.xml", event);
        assertThat(facts(AncmEvent.class)).singleElement().satisfies(a -> assertThat(a.exception())
                .isEqualTo("Framework: 'Microsoft.AspNetCore.App', version '9.0.0' (x64)"));
    }

    @Test
    void ancmStartFailureCarriesKestrelsOverridingAddressesWarning() throws IOException {
        String event = "<Events><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
                + "<Provider Name='IIS AspNetCore Module V2'/><EventID Qualifiers='0'>1000</EventID><Level>2</Level>"
                + "<TimeCreated SystemTime='2025-11-20T13:12:02.6000000Z'/><Channel>Application</Channel></System><EventData>"
                + "<Data>Application '/LM/W3SVC/2/ROOT' with physical root 'D:\\Apps\\Claims\\' failed to start process with"
                + " commandline 'dotnet .\\Claims.dll' with multiple retries. Failed to bind to port '29417'. First 30KB"
                + " characters of captured stdout and stderr logs from multiple retries:\nwarn: Microsoft.AspNetCore.Server.Kestrel[0]\n"
                + "      Overriding address(es) 'http://127.0.0.1:29417/'. Binding to endpoints defined via IConfiguration"
                + " and/or UseKestrel() instead.\ninfo: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://0.0.0.0:5080\n"
                + "</Data></EventData></Event></Events>";
        readText("override.xml", event);
        assertThat(facts(AncmEvent.class)).singleElement().satisfies(a -> assertThat(a.exception()).isEqualTo(
                "Overriding address(es) 'http://127.0.0.1:29417/'. Binding to endpoints defined via IConfiguration"
                + " and/or UseKestrel() instead."));
    }

    @Test
    void readsGetWinEventCsvInUtf16WithBom() throws IOException {
        ReadReport r = read("get-winevent-utf16.csv");
        assertThat(r.failed()).isFalse();
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).isEqualTo(4);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("local time"));
        assertThat(facts(AncmEvent.class)).singleElement().satisfies(a -> {
            assertThat(a.processExitCode()).isEqualTo("80008083");
            assertThat(a.times().utc()).isFalse();
            assertThat(a.times().first()).isEqualTo(LocalDateTime.parse("2025-01-09T11:00:05"));
            assertThat(a.times().firstUtc()).isNull();
            assertThat(a.times().describe()).contains("local time");
            assertThat(a.samples().get(0).location()).isEqualTo("get-winevent-utf16.csv:3");
        });
        assertThat(facts(AspNetWebEvent.class)).singleElement().satisfies(a -> {
            assertThat(a.eventCode()).isEqualTo(3001);
            assertThat(a.exceptionMessage()).isEqualTo("Request timed out.");
        });
        long wasLine = lineOf("get-winevent-utf16.csv", "A process serving application pool", StandardCharsets.UTF_16LE);
        assertThat(facts(WasEvent.class)).singleElement().satisfies(w -> {
            assertThat(List.of(w.appPool(), w.processId(), w.exitCode())).containsExactly("ShopPool", "4312", "0xff");
            assertThat(w.samples().get(0).line()).isEqualTo(wasLine);
        });
        // 1:15:00 PM is 13:15 local
        assertThat(facts(OtherEvent.class)).singleElement()
                .satisfies(o -> assertThat(o.times().first()).isEqualTo(LocalDateTime.parse("2025-01-09T13:15:00")));
    }

    @Test
    void readsEventsCopiedFromEventViewerAsTextIndentedAndNot() throws IOException {
        ReadReport r = read("eventviewer-copied.txt");
        assertThat(r.failed()).isFalse();
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).isEqualTo(2);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("local time"));
        // the description's own "Event ID: <guid>" line is text, not a second header
        assertThat(facts(AspNetWebEvent.class)).singleElement().satisfies(a -> {
            assertThat(a.eventCode()).isEqualTo(3005);
            assertThat(a.exceptionType()).endsWith("SqlException");
            assertThat(a.exceptionMessage()).startsWith("Login failed for user 'IIS APPPOOL\\OrdersPool'.");
            assertThat(a.requestPath()).isEqualTo("/orders/checkout.aspx");
            assertThat(a.applicationVirtualPath()).isEqualTo("/orders");
            assertThat(a.times().first()).isEqualTo(LocalDateTime.parse("2025-03-11T09:14:22"));
            assertThat(a.samples().get(0).location()).isEqualTo("eventviewer-copied.txt:1");
        });
        // a block without "Log Name:" after the first one's Event Xml part
        long wasLine = lineOf("eventviewer-copied.txt", "Microsoft-Windows-WAS", StandardCharsets.UTF_8);
        assertThat(facts(WasEvent.class)).singleElement().satisfies(w -> {
            assertThat(w.eventId()).isEqualTo(5002);
            assertThat(w.appPool()).isEqualTo("OrdersPool");
            assertThat(w.samples().get(0).line()).isEqualTo(wasLine);
            assertThat(w.times().first()).isEqualTo(LocalDateTime.parse("2025-03-11T09:20:05"));
        });
    }

    @Test
    void readsAnEventCopiedAsTextWithWindowsLineEnds() throws IOException {
        ReadReport r = read("eventviewer-crlf.txt");
        assertThat(r.problems()).isEmpty();
        assertThat(facts(ApplicationCrash.class)).singleElement().satisfies(c -> {
            assertThat(c.exceptionCode()).isEqualTo("0xc00000fd");
            assertThat(c.faultingModule()).isEqualTo("clr.dll");
        });
    }

    @Test
    void readsEventViewerSaveAllEventsAsCsvWithItsUnnamedDescriptionColumn() throws IOException {
        ReadReport r = readText("saved.csv", "Level,Date and Time,Source,Event ID,Task Category\r\n"
                + "Error,3/11/2025 9:20:05 AM,Microsoft-Windows-WAS,5002,None,\"Application pool 'OrdersPool' is being"
                + " automatically disabled due to a series of failures in the process(es) serving that application pool.\"\r\n"
                + "Error,3/11/2025 9:19:58 AM,Application Error,1000,(100),\"Faulting application name: w3wp.exe, version:"
                + " 10.0.17763.1\r\nFaulting module name: clr.dll, version: 4.8.4645.0\r\nException code: 0xc00000fd\"\r\n");
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).isEqualTo(2);
        assertThat(facts(WasEvent.class)).singleElement().satisfies(w -> {
            assertThat(w.appPool()).isEqualTo("OrdersPool");
            assertThat(w.times().first()).isEqualTo(LocalDateTime.parse("2025-03-11T09:20:05"));
        });
        assertThat(facts(ApplicationCrash.class)).extracting(ApplicationCrash::exceptionCode).containsExactly("0xc00000fd");
    }

    @Test
    void eventViewerTextThatIsNotAnEventIsRejectedWithItsLine() throws IOException {
        ReadReport r = readText("pasted.txt", "Here is what I saw:\n"
                + "Source: IIS-W3SVC-WP\nDate: 3/11/2025 9:00:00 AM\nEvent ID: 2280\nLevel: Error\nDescription:\n"
                + "The Module DLL C:\\m.dll failed to load.  The data is the error.\n"
                + "Log Name: Application\nSource: Other\nEvent ID: none\nDescription:\nx\n");
        assertThat(r.entries()).isEqualTo(1);
        assertThat(r.problems()).extracting(p -> p.line(), p -> p.reason()).containsExactly(
                tuple(1L, "text before the first event's header (Log Name: / Source:)"),
                tuple(8L, "event without a numeric Event ID: line"));
        assertThat(EventViewerTextParser.level("Warning")).isEqualTo(3);
        assertThat(EventViewerTextParser.level("Audit Failure")).isZero();
    }

    @Test
    void readsGetWinEventCsvInUtf8WithoutBomOrTypeLine() throws IOException {
        ReadReport r = read("get-winevent-utf8.csv");
        assertThat(r.problems()).isEmpty();
        assertThat(r.entries()).isEqualTo(3);
        assertThat(facts(DotNetRuntimeCrash.class)).extracting(DotNetRuntimeCrash::exceptionType)
                .containsExactly("System.StackOverflowException");
        assertThat(facts(ApplicationCrash.class)).extracting(ApplicationCrash::exceptionCode).containsExactly("0xe0434352");
        assertThat(facts(WasEvent.class)).extracting(WasEvent::eventId, WasEvent::appPool).containsExactly(tuple(5002, "ShopPool"));
        assertThat(facts(DotNetRuntimeCrash.class).get(0).samples().get(0).location()).isEqualTo("get-winevent-utf8.csv:2");
    }

    @Test
    void aggregatesAcrossFiles() throws IOException {
        read("wevtutil-system.xml");
        read("get-winevent-utf16.csv");
        WasEvent crash = facts(WasEvent.class).get(0);
        assertThat(crash.eventId()).isEqualTo(5009);
        assertThat(crash.count()).isEqualTo(4);
        // one of the contributing times had no zone
        assertThat(crash.times().utc()).isFalse();
        assertThat(crash.times().last()).isEqualTo(LocalDateTime.parse("2025-01-09T11:00:07"));
    }

    @Test
    void refusesBillionLaughsQuicklyWithAClearMessage() {
        ReadReport r = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> read("billion-laughs.xml"));
        assertThat(r.failed()).isTrue();
        assertThat(r.fatalError()).startsWith("billion-laughs.xml:2: refused").contains("DOCTYPE");
        assertThat(reader.facts()).isEmpty();
    }

    @Test
    void refusesExternalEntities() {
        ReadReport r = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> read("xxe.xml"));
        assertThat(r.fatalError()).startsWith("xxe.xml:2: refused").contains("DOCTYPE");
        assertThat(reader.facts()).isEmpty();
    }

    @Test
    void aDoctypeHiddenAfterALongCommentIsStillNotProcessed() {
        String doc = "<!--" + "x".repeat(100_000) + "-->\n<!DOCTYPE e [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n"
                + "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider Name=\"&b;\"/>"
                + "<EventID>1</EventID></System></Event>\n";
        ReadReport r = assertTimeoutPreemptively(Duration.ofSeconds(1), () -> readText("hidden.xml", doc));
        assertThat(r.failed() || r.rejected() > 0).isTrue();
        assertThat(reader.facts()).isEmpty();
    }

    @Test
    void undeclaredEntityReferencesAreMalformedNotResolved() throws IOException {
        ReadReport r = readText("entity.xml", "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">"
                + "<System><Provider Name=\"x\"/><EventID>1</EventID></System>\r\n<EventData><Data>&xxe;</Data></EventData></Event>\r\n");
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("entity.xml:2");
            assertThat(p.reason()).startsWith("XML is not well-formed").contains("xxe");
        });
    }

    @Test
    void malformedXmlIsReportedWithItsLineAndOtherFilesAreUnaffected() throws IOException {
        ReadReport bad = read("malformed.xml");
        assertThat(bad.failed()).isFalse();
        assertThat(bad.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("malformed.xml:4");
            assertThat(p.reason()).startsWith("XML is not well-formed:").contains("EventData").doesNotContain("iisdiag-events");
        });
        assertThat(bad.notes()).anySatisfy(n -> assertThat(n).contains("reading stopped at line 4").contains("2 events"));
        assertThat(bad.entries()).isEqualTo(2);
        ReadReport good = read("wevtutil-system.xml");
        assertThat(good.problems()).isEmpty();
        assertThat(good.entries()).isEqualTo(8);
        // the two events read before the break count; the broken third does not
        assertThat(facts(AncmEvent.class)).extracting(AncmEvent::eventId, AncmEvent::count).containsExactly(tuple(1000, 2L));
        assertThat(facts(WasEvent.class)).isNotEmpty();
    }

    @Test
    void aCsvWithoutEventColumnsFails() throws IOException {
        ReadReport r = new ReadReport("x.csv", EvidenceKind.EVENT_LOG_CSV);
        reader.read("x.csv", "", new ByteArrayInputStream("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)), r);
        assertThat(r.fatalError()).contains("not a Get-WinEvent CSV");
    }

    @Test
    void csvRowsWithoutANumericIdAreRejectedWithTheirLine() throws IOException {
        ReadReport r = new ReadReport("x.csv", EvidenceKind.EVENT_LOG_CSV);
        String csv = "\"Message\",\"Id\",\"ProviderName\",\"TimeCreated\"\r\n\"multi\r\nline\",\"1000\",\"Application Error\",\"1/9/2025 10:00:00 AM\"\r\n"
                + "\"x\",\"abc\",\"WAS\",\"1/9/2025 10:00:00 AM\"\r\n";
        reader.read("x.csv", "", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), r);
        assertThat(r.entries()).isEqualTo(1);
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.location()).isEqualTo("x.csv:4");
            assertThat(p.reason()).contains("'abc' is not a number");
        });
    }

    @Test
    void distinctKeysAreBoundedAndFoldedIntoOtherEvents() throws IOException {
        StringBuilder b = new StringBuilder();
        int n = EventAggregator.MAX_KEYS + 50;
        for (int i = 0; i < n; i++) {
            b.append("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider Name=\"Microsoft-Windows-WAS\"/>"
                    + "<EventID>5009</EventID><Channel>System</Channel></System><EventData><Data Name=\"AppPoolID\">pool").append(i)
                    .append("</Data></EventData></Event>\r\n");
        }
        ReadReport r = readText("many.xml", b.toString());
        assertThat(r.entries()).isEqualTo(n);
        assertThat(facts(WasEvent.class)).hasSize(EventAggregator.MAX_KEYS);
        assertThat(facts(OtherEvent.class)).singleElement().satisfies(o -> {
            assertThat(o.provider()).isEqualTo("Microsoft-Windows-WAS");
            assertThat(o.count()).isEqualTo(50);
        });
        assertThat(r.notes()).anySatisfy(x -> assertThat(x).contains("more than " + EventAggregator.MAX_KEYS));
        long total = reader.facts().stream().mapToLong(f -> ((EvidenceFact) f).occurrences()).sum();
        assertThat(total).isEqualTo(n);
    }

    @Test
    void longMessagesAreCapped() throws IOException {
        String longText = "Application '/LM/W3SVC/9/ROOT' failed to start. Exception message:\n" + "y".repeat(5000);
        readText("long.xml", "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>"
                + "<Provider Name=\"IIS AspNetCore Module V2\"/><EventID>1031</EventID></System><EventData><Data>" + longText
                + "</Data></EventData></Event>");
        AncmEvent a = facts(AncmEvent.class).get(0);
        assertThat(a.exception()).hasSizeLessThanOrEqualTo(EventAggregator.MAX_FIELD);
        assertThat(a.samples().get(0).text()).hasSizeLessThanOrEqualTo(EventAggregator.MAX_SAMPLE);
        assertThat(a.kind()).isEqualTo(AncmEventKind.INPROCESS_START_FAILURE);
    }

    @Test
    void classifiesAncmKindsByIdAndText() {
        assertThat(EventAggregator.ancmKind(1026, "Could not start stdout redirection in C:\\Program Files\\IIS\\Asp.Net Core Module\\V2\\aspnetcorev2.dll. "
                + "Exception message: HRESULT 0x80070005 returned")).isEqualTo(AncmEventKind.STDOUT_REDIRECTION_FAILED);
        assertThat(EventAggregator.ancmKind(1010, "Could not find inprocess request handler. Captured output from invoking hostfxr: "))
                .isEqualTo(AncmEventKind.HANDLER_LOAD_FAILURE);
        assertThat(EventAggregator.ancmKind(1028, "x")).isEqualTo(AncmEventKind.HANDLER_LOAD_FAILURE);
        assertThat(EventAggregator.ancmKind(1003, "Maximum rapid fail count per minute of '10' exceeded.")).isEqualTo(AncmEventKind.RAPID_FAIL);
        assertThat(EventAggregator.ancmKind(1034, "Could not load configuration. Exception message: ...")).isEqualTo(AncmEventKind.CONFIG_ERROR);
        assertThat(EventAggregator.ancmKind(1031, "Application '/LM/W3SVC/1/ROOT' failed to start. Exception message: Managed server didn't initialize after 120000 ms."))
                .isEqualTo(AncmEventKind.STARTUP_TIMEOUT);
        assertThat(EventAggregator.ancmKind(1020, "failed to start process with commandline 'x' with multiple retries."))
                .isEqualTo(AncmEventKind.PROCESS_START_FAILURE);
        assertThat(EventAggregator.ancmKind(1032, "Application '/LM/W3SVC/1/ROOT' started successfully.")).isEqualTo(AncmEventKind.OTHER);
        assertThat(EventAggregator.ancmKind(1012, "Application 'D:\\Sites\\Orders\\' was recycled after detecting app_offline.htm."))
                .isEqualTo(AncmEventKind.APP_OFFLINE);
        // the same event id for any other file change, and 1024's failure to watch the file, are not the offline file
        assertThat(EventAggregator.ancmKind(1012, "Application 'D:\\Sites\\Orders\\' was recycled after detecting file change in application directory."))
                .isEqualTo(AncmEventKind.OTHER);
        assertThat(EventAggregator.ancmKind(1024, "Failed to monitor app_offline.htm for application 'D:\\Sites\\Orders\\', ErrorCode '0x80070005'. "))
                .isEqualTo(AncmEventKind.OTHER);
    }

    @Test
    void securityLogonFailuresAreReadWithWhereTheyCameFrom() throws IOException {
        String local = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
                + "<Provider Name='Microsoft-Windows-Security-Auditing'/><EventID>4625</EventID><Level>0</Level>"
                + "<TimeCreated SystemTime='2026-06-10T08:00:40.1Z'/><Channel>Security</Channel>"
                + "<Computer>APP-HR01.fabrikam.local</Computer></System><EventData>"
                + "<Data Name='TargetUserName'>svc-hrportal</Data><Data Name='TargetDomainName'>FABRIKAM</Data>"
                + "<Data Name='Status'>0xC000006D</Data><Data Name='SubStatus'>0x0</Data><Data Name='LogonType'>3</Data>"
                + "<Data Name='AuthenticationPackageName'>NTLM</Data><Data Name='WorkstationName'>APP-HR01</Data>"
                + "<Data Name='IpAddress'>10.30.4.18</Data></EventData></Event>";
        String remote = local.replace("<Data Name='WorkstationName'>APP-HR01</Data>", "<Data Name='WorkstationName'>PC-0412</Data>")
                .replace("10.30.4.18", "10.30.12.34").replace("<Data Name='SubStatus'>0x0</Data>", "<Data Name='SubStatus'>0xc000006a</Data>");
        String loopback = remote.replace("10.30.12.34", "::1").replace("0xc000006a", "0x0");
        ReadReport r = readText("Security.xml", "<Events>" + local + local + remote + loopback + "</Events>");
        assertThat(r.failed()).isFalse();
        assertThat(facts(org.iisdiag.facts.LogonFailure.class))
                .extracting(l -> l.ntStatus(), l -> l.subStatus(), l -> l.account(), l -> l.workstation(), l -> l.local(),
                        l -> l.count(), l -> l.logonFailureWithoutReason(), l -> l.ntlm())
                .containsExactlyInAnyOrder(
                        tuple("0xc000006d", "0x0", "FABRIKAM\\svc-hrportal", "APP-HR01", true, 2L, true, true),
                        tuple("0xc000006d", "0xc000006a", "FABRIKAM\\svc-hrportal", "PC-0412", false, 1L, false, true),
                        tuple("0xc000006d", "0x0", "FABRIKAM\\svc-hrportal", "PC-0412", true, 1L, true, true));
        assertThat(facts(OtherEvent.class)).isEmpty();
    }

    @Test
    void aLogonFailureWithoutInsertsIsReadFromItsMessage() {
        String message = "An account failed to log on.\n\nLogon Type:\t\t\t3\n\nFailure Information:\n"
                + "\tFailure Reason:\t\tAn Error occured during Logon.\n\tStatus:\t\t\t0xC000006D\n\tSub Status:\t\t0x0\n\n"
                + "Network Information:\n\tWorkstation Name:\tAPP-HR01\n\tSource Network Address:\t10.30.4.18\n\n"
                + "Detailed Authentication Information:\n\tLogon Process:\t\tNtLmSsp \n\tAuthentication Package:\tNTLM";
        EventAggregator a = new EventAggregator();
        a.add("Security.csv", new RawEvent("Microsoft-Windows-Security-Auditing", 4625, 0, "Security", null, false, message,
                List.of(), java.util.Map.of(), "", 2, "APP-HR01.fabrikam.local"));
        List<org.iisdiag.facts.LogonFailure> found = a.facts().stream().filter(org.iisdiag.facts.LogonFailure.class::isInstance)
                .map(org.iisdiag.facts.LogonFailure.class::cast).toList();
        assertThat(found).singleElement().satisfies(l -> {
            assertThat(l.ntStatus()).isEqualTo("0xc000006d");
            assertThat(l.subStatus()).isEqualTo("0x0");
            assertThat(l.logonType()).isEqualTo(3);
            assertThat(l.authenticationPackage()).isEqualTo("NTLM");
            assertThat(l.sourceAddress()).isEqualTo("10.30.4.18");
            assertThat(l.local()).isTrue();
        });
    }

    @Test
    void applicationPopupNamesTheProgramAndTheMissingDll() throws IOException {
        readText("System.xml", """
                <Events>
                <Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Application Popup'/><EventID Qualifiers='16384'>26</EventID><Level>4</Level><TimeCreated SystemTime='2026-11-26T06:00:11.4021937Z'/><Channel>System</Channel><Computer>WEB01</Computer></System><EventData><Data Name='Caption'>php-cgi.exe - System Error</Data><Data Name='Message'>The code execution cannot proceed because VCRUNTIME140.dll was not found. Reinstalling the program may fix this problem. </Data></EventData></Event>
                <Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Application Popup'/><EventID Qualifiers='16384'>26</EventID><Level>4</Level><TimeCreated SystemTime='2026-11-26T06:14:52.0077120Z'/><Channel>System</Channel><Computer>WEB01</Computer></System><EventData><Data Name='Caption'>php-cgi.exe - System Error</Data><Data Name='Message'>The code execution cannot proceed because VCRUNTIME140.dll was not found. Reinstalling the program may fix this problem. </Data></EventData></Event>
                <Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Application Popup'/><EventID Qualifiers='16384'>26</EventID><Level>4</Level><TimeCreated SystemTime='2026-11-26T07:00:00Z'/><Channel>System</Channel><Computer>WEB01</Computer></System><EventData><Data>python.exe - Application Error</Data><Data>The application was unable to start correctly (0xc000007b). Click OK to close the application.</Data></EventData><RenderingInfo Culture='en-US'><Message>Application popup: python.exe - Application Error : The application was unable to start correctly (0xc000007b). Click OK to close the application.</Message></RenderingInfo></Event>
                </Events>
                """);
        assertThat(facts(org.iisdiag.facts.ApplicationPopup.class)).extracting(p -> p.program(), p -> p.missingDll(), p -> p.count())
                .containsExactly(tuple("php-cgi.exe", "VCRUNTIME140.dll", 2L), tuple("python.exe", "", 1L));
        org.iisdiag.facts.ApplicationPopup php = facts(org.iisdiag.facts.ApplicationPopup.class).get(0);
        assertThat(php.caption()).isEqualTo("php-cgi.exe - System Error");
        assertThat(php.message()).isEqualTo("The code execution cannot proceed because VCRUNTIME140.dll was not found."
                + " Reinstalling the program may fix this problem.");
        assertThat(php.describe()).startsWith("2 x Application Popup 26: php-cgi.exe - System Error: The code execution");
        assertThat(facts(OtherEvent.class)).isEmpty();
    }
}
