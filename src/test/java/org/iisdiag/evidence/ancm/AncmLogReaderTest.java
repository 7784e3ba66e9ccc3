package org.iisdiag.evidence.ancm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.iisdiag.evidence.Fixtures;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.AncmLogFinding;
import org.iisdiag.facts.AncmLogKind;
import org.iisdiag.facts.HostingEnvironment;
import org.iisdiag.facts.EvidenceKind;
import org.junit.jupiter.api.Test;

class AncmLogReaderTest {
    private final AncmLogReader reader = new AncmLogReader();

    private ReadReport read(String fixture) throws IOException {
        String name = "logs/" + fixture;
        ReadReport report = new ReadReport(name, EvidenceKind.ANCM_STDOUT_LOG);
        reader.read(name, "", Fixtures.resource("ancm/" + fixture), report);
        return report;
    }

    private ReadReport readText(String name, String text) throws IOException {
        ReadReport report = new ReadReport(name, EvidenceKind.ANCM_STDOUT_LOG);
        reader.read(name, "", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), report);
        return report;
    }

    private List<AncmLogFinding> findings(AncmLogKind kind) {
        return reader.facts().stream().filter(AncmLogFinding.class::isInstance).map(AncmLogFinding.class::cast)
                .filter(f -> f.kind() == kind).toList();
    }

    @Test
    void missingFrameworkNamesTheFrameworkAndVersionAtTheAnnouncingLine() throws IOException {
        ReadReport r = read("stdout_20250109100005_4312.log");
        assertThat(r.lines()).isEqualTo(17);
        assertThat(findings(AncmLogKind.MISSING_FRAMEWORK)).singleElement().satisfies(f -> {
            assertThat(f.detail()).isEqualTo("Microsoft.AspNetCore.App 8.0.0 (x64)");
            assertThat(f.pid()).isEqualTo(4312);
            // "You must install or update .NET" (.NET 6+) announces it; the older words that follow name it again, once
            assertThat(f.location()).isEqualTo("logs/stdout_20250109100005_4312.log:1");
            assertThat(f.count()).isEqualTo(1);
            assertThat(f.status()).isZero();
            assertThat(f.describe()).contains("MISSING_FRAMEWORK: Microsoft.AspNetCore.App 8.0.0 (x64)").contains("PID 4312");
        });
        // the hostfxr links and the list of found frameworks make no finding
        assertThat(reader.facts()).hasSize(1);
    }

    @Test
    void startupExceptionWithStackTraceAndLoggerEntryIsRedacted() throws IOException {
        read("stdout_20250109101500_5120.log");
        List<AncmLogFinding> ex = findings(AncmLogKind.STARTUP_EXCEPTION);
        assertThat(ex).extracting(AncmLogFinding::detail, AncmLogFinding::count, AncmLogFinding::location).containsExactly(
                tuple("System.InvalidOperationException: Cannot open database \"Orders\" requested by the login."
                        + " Server=db01;Database=Orders;User Id=api;Password=***;", 2L, "logs/stdout_20250109101500_5120.log:7"),
                tuple("crit: Microsoft.AspNetCore.Hosting.Diagnostics[6] Application startup exception", 1L,
                        "logs/stdout_20250109101500_5120.log:5"));
        assertThat(ex.get(0).samples()).extracting(s -> s.line()).containsExactly(7L, 10L);
        assertThat(ex.get(0).samples()).allSatisfy(s -> assertThat(s.text()).doesNotContain("S3cr3t"));
        // stack frames are not findings
        assertThat(reader.facts()).noneSatisfy(f -> assertThat(f.toString()).contains("SqlInternalConnection"));
        assertThat(reader.facts()).filteredOn(HostingEnvironment.class::isInstance).singleElement().satisfies(h -> {
            HostingEnvironment env = (HostingEnvironment) h;
            assertThat(env.environment()).isEqualTo("Development");
            assertThat(env.development()).isTrue();
            assertThat(env.samples().get(0).location()).isEqualTo("logs/stdout_20250109101500_5120.log:2");
        });
    }

    @Test
    void theHostsDependenciesManifestErrorIsAMissingFile() throws IOException {
        readText("logs/stdout_20251014070512_5012.log", """
                Error:
                  An assembly specified in the application dependencies manifest (Claims.Web.deps.json) was not found:
                    package: 'Serilog.Sinks.File', version: '6.0.0'
                    path: 'lib/net8.0/Serilog.Sinks.File.dll'
                """);
        assertThat(findings(AncmLogKind.MISSING_FILE)).singleElement().satisfies(f -> {
            assertThat(f.detail()).isEqualTo(
                    "An assembly specified in the application dependencies manifest (Claims.Web.deps.json) was not found:");
            assertThat(f.location()).isEqualTo("logs/stdout_20251014070512_5012.log:2");
        });
    }

    @Test
    void anExceptionWithItsHResultAndItsInnerExceptionIsOneFailure() throws IOException {
        readText("logs/stdout_20250310091500_7100.log", """
                Unhandled exception. Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server.
                 ---> System.ComponentModel.Win32Exception (11001): No such host is known.
                   at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception)
                """);
        assertThat(findings(AncmLogKind.STARTUP_EXCEPTION)).singleElement().satisfies(f -> assertThat(f.detail())
                .startsWith("Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related"));
        assertThat(findings(AncmLogKind.OTHER)).extracting(AncmLogFinding::detail)
                .containsExactly("inner exception: System.ComponentModel.Win32Exception (11001): No such host is known.");
    }

    @Test
    void anExceptionLineAfterOtherOutputIsAFailureOfItsOwn() throws IOException {
        readText("logs/stdout_20250310091500_7101.log", """
                info: Microsoft.Hosting.Lifetime[0]
                ---> System.InvalidOperationException (0x80131509): No service for type 'IClock' has been registered.
                """);
        assertThat(findings(AncmLogKind.STARTUP_EXCEPTION)).singleElement().satisfies(f -> assertThat(f.detail())
                .startsWith("System.InvalidOperationException (0x80131509): No service"));
    }

    @Test
    void theHostFilteringMiddlewaresRefusalsAggregateByHost() throws IOException {
        readText("logs/stdout_20251112075813_6412.log", """
                info: Microsoft.AspNetCore.HostFiltering.HostFilteringMiddleware[6]
                      The host 'API.Example.test' does not match an allowed host.
                info: Microsoft.AspNetCore.Hosting.Diagnostics[2]
                      Request finished HTTP/1.1 GET https://api.example.test/ - 400 334 text/html 1.1022ms
                info: Microsoft.AspNetCore.HostFiltering.HostFilteringMiddleware[6] The host 'api.example.test' does not match an allowed host.
                info: Microsoft.AspNetCore.HostFiltering.HostFilteringMiddleware[5]
                      The host 'www.example.test' matches an allowed host.
                """);
        // one finding per host (case-insensitive), at its first line; a host that matched is no finding
        assertThat(findings(AncmLogKind.HOST_NOT_ALLOWED)).singleElement().satisfies(f -> {
            assertThat(f.detail()).isEqualTo("api.example.test");
            assertThat(f.count()).isEqualTo(2);
            assertThat(f.location()).isEqualTo("logs/stdout_20251112075813_6412.log:2");
        });
    }

    @Test
    void aCertificateTheAppNamesByThumbprintIsAFindingOfItsOwn() throws IOException {
        readText("logs/stdout_20251118221014_5120.log", """
                info: Contoso.Signing.CredentialsLoader[0]
                      Loading the token signing certificate 7c4e2a9b5d13f08e6a2c71b94d5e03f8a1b6c9d2 from LocalMachine\\My
                info: Contoso.Data[0]
                      Row version 0123456789abcdef0123456789abcdef01234567 cached
                Unhandled exception. System.Security.Cryptography.CryptographicException: Keyset does not exist
                   at System.Security.Cryptography.CngKey.Open(String keyName, CngProvider provider, CngKeyOpenOptions openOptions)
                """);
        // upper case, at its line; a 40-digit hex value on a line that names no certificate is not one
        assertThat(findings(AncmLogKind.CERTIFICATE)).singleElement().satisfies(f -> {
            assertThat(f.detail()).isEqualTo("7C4E2A9B5D13F08E6A2C71B94D5E03F8A1B6C9D2");
            assertThat(f.location()).isEqualTo("logs/stdout_20251118221014_5120.log:2");
            assertThat(f.pid()).isEqualTo(5120);
        });
        assertThat(findings(AncmLogKind.STARTUP_EXCEPTION)).singleElement().satisfies(f -> assertThat(f.detail())
                .isEqualTo("System.Security.Cryptography.CryptographicException: Keyset does not exist"));
    }

    @Test
    void badImageFormat() throws IOException {
        read("stdout_20250109103000_6000.log");
        assertThat(findings(AncmLogKind.BAD_IMAGE_FORMAT)).singleElement().satisfies(f -> {
            assertThat(f.detail()).startsWith("Could not load file or assembly 'C:\\inetpub\\legacyapi\\LegacyApi.dll'. An attempt was made");
            assertThat(f.pid()).isEqualTo(6000);
            assertThat(f.location()).isEqualTo("logs/stdout_20250109103000_6000.log:1");
        });
        // not also a MISSING_FILE or STARTUP_EXCEPTION
        assertThat(reader.facts()).hasSize(1);
    }

    @Test
    void successfulStartMissingFileAndWarnings() throws IOException {
        read("stdout_20250109104500_6120.log");
        assertThat(findings(AncmLogKind.HOSTING_STARTED)).extracting(AncmLogFinding::detail)
                .containsExactly("Application started", "Now listening on: http://127.0.0.1");
        assertThat(findings(AncmLogKind.MISSING_FILE)).singleElement().satisfies(f -> assertThat(f.detail())
                .isEqualTo("System.IO.FileNotFoundException: Could not load file or assembly 'Contoso.Pricing, Version=2.1.0.0,"
                        + " Culture=neutral, PublicKeyToken=null'. The system cannot find the file specified."));
        // a warning keeps its message (the next, indented line)
        assertThat(findings(AncmLogKind.OTHER)).extracting(AncmLogFinding::detail)
                .containsExactly("warn: Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository[60] Storing keys"
                        + " in a directory 'C:\\Windows\\system32\\config\\systemprofile\\AppData\\Local\\ASP.NET\\DataProtection-Keys'"
                        + " that may not be persisted outside of the container.");
        // the fail: entry comes after "Application started": a request's error, not a start-up failure
        assertThat(findings(AncmLogKind.STARTUP_EXCEPTION)).isEmpty();
        assertThat(findings(AncmLogKind.REQUEST_ERROR)).extracting(AncmLogFinding::detail).containsExactly(
                "fail: Microsoft.AspNetCore.Server.Kestrel[13] Connection id \"0HN9B1GJ2K3L4\", Request id"
                        + " \"0HN9B1GJ2K3L4:00000002\": An unhandled exception was thrown by the application.");
        assertThat(reader.facts()).filteredOn(HostingEnvironment.class::isInstance)
                .extracting(h -> ((HostingEnvironment) h).environment()).containsExactly("Production");
    }

    @Test
    void failuresBeforeTheStartAreStartupExceptionsAfterItRequestErrors() throws IOException {
        readText("logs/stdout_20261124075812_5532.log", """
                warn: Microsoft.AspNetCore.DataProtection.Repositories.EphemeralXmlRepository[50]
                      Using an in-memory repository. Keys will not be persisted to storage.
                fail: Contoso.Startup[0]
                      Cache warm-up failed, continuing.
                info: Microsoft.Hosting.Lifetime[0]
                      Application started. Press Ctrl+C to shut down.
                fail: Microsoft.AspNetCore.Antiforgery.DefaultAntiforgery[7]
                      An exception was thrown while deserializing the token.
                      Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException: The antiforgery token could not be decrypted.
                       ---> System.Security.Cryptography.CryptographicException: The key {5e0b7c21-94d3-4f0a-8a61-3c2f9d7e1b48} was not found in the key ring.
                warn: Contoso.Cache[2]
                """);
        assertThat(findings(AncmLogKind.STARTUP_EXCEPTION)).extracting(AncmLogFinding::detail)
                .containsExactly("fail: Contoso.Startup[0] Cache warm-up failed, continuing.");
        assertThat(findings(AncmLogKind.REQUEST_ERROR)).extracting(AncmLogFinding::detail).containsExactly(
                "Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException: The antiforgery token could not be decrypted.",
                "fail: Microsoft.AspNetCore.Antiforgery.DefaultAntiforgery[7] An exception was thrown while deserializing the token.");
        assertThat(findings(AncmLogKind.OTHER)).extracting(AncmLogFinding::detail).containsExactly(
                "inner exception: System.Security.Cryptography.CryptographicException: The key {5e0b7c21-94d3-4f0a-8a61-3c2f9d7e1b48}"
                        + " was not found in the key ring.",
                "warn: Contoso.Cache[2]",
                "warn: Microsoft.AspNetCore.DataProtection.Repositories.EphemeralXmlRepository[50] Using an in-memory repository."
                        + " Keys will not be persisted to storage.");
    }

    @Test
    void sdkCommandAndPortBind() throws IOException {
        read("stdout_20250109110000_7001.log");
        read("stdout_20250109111500_7100.log");
        assertThat(findings(AncmLogKind.SDK_COMMAND)).singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo("logs/stdout_20250109110000_7001.log:6"));
        assertThat(findings(AncmLogKind.PORT_BIND)).extracting(AncmLogFinding::detail, AncmLogFinding::pid).contains(
                tuple("System.IO.IOException: Failed to bind to address http://127.0.0.1:5000: address already in use.", 7100L));
        assertThat(findings(AncmLogKind.STARTUP_EXCEPTION)).extracting(AncmLogFinding::detail)
                .containsExactly("crit: Microsoft.AspNetCore.Server.Kestrel[0] Unable to start Kestrel.");
    }

    @Test
    void theMissingFrameworkInTheLayoutOfDotNet6AndLater() throws IOException {
        readText("logs/stdout_20260112074503_4388.log", "You must install or update .NET to run this application.\n\n"
                + "App: D:\\Sites\\Portal\\Portal.dll\nArchitecture: x64\n"
                + "Framework: 'Microsoft.AspNetCore.App', version '9.0.0' (x64)\n.NET location: C:\\Program Files\\dotnet\\\n\n"
                + "The following frameworks were found:\n  8.0.11 at [C:\\Program Files\\dotnet\\shared\\Microsoft.AspNetCore.App]\n");
        assertThat(findings(AncmLogKind.MISSING_FRAMEWORK)).extracting(AncmLogFinding::detail)
                .containsExactly("Microsoft.AspNetCore.App 9.0.0 (x64)");
    }

    @Test
    void kestrelOverridingTheGivenAddressIsAPortBindOnEitherLayout() throws IOException {
        String warning = "Overriding address(es) 'http://127.0.0.1:29417/'. Binding to endpoints defined via"
                + " IConfiguration and/or UseKestrel() instead.";
        readText("logs/stdout_20251120130802_6604.log", "warn: Microsoft.AspNetCore.Server.Kestrel[0]\n      " + warning
                + "\ninfo: Microsoft.Hosting.Lifetime[14]\n      Now listening on: http://0.0.0.0:5080\n");
        readText("logs/stdout_20251120131002_6610.log", "Microsoft.AspNetCore.Server.Kestrel: Warning: " + warning + "\n");
        assertThat(findings(AncmLogKind.PORT_BIND)).extracting(AncmLogFinding::detail, AncmLogFinding::count)
                .containsExactly(tuple(warning, 2L));
        assertThat(findings(AncmLogKind.OTHER)).isEmpty();
    }

    @Test
    void debugLogHresultsAggregateCaseInsensitively() throws IOException {
        ReadReport r = read("aspnetcore-debug.log");
        assertThat(r.notes()).isEmpty();
        assertThat(findings(AncmLogKind.DEBUG_LOG_HRESULT)).extracting(AncmLogFinding::detail, AncmLogFinding::count,
                AncmLogFinding::pid, AncmLogFinding::location).containsExactly(
                tuple("0x8000ffff", 1L, 6000L, "logs/aspnetcore-debug.log:6"),
                tuple("0x8007023e", 2L, 6000L, "logs/aspnetcore-debug.log:4"));
        // hostfxr output routed through the debug log is classified too
        assertThat(findings(AncmLogKind.MISSING_FRAMEWORK)).singleElement()
                .satisfies(f -> assertThat(f.location()).isEqualTo("logs/aspnetcore-debug.log:7"));
    }

    @Test
    void aggregatesAcrossFilesKeepingTheFirstPid() throws IOException {
        String text = "Unhandled exception. System.ArgumentNullException: Value cannot be null. (Parameter 'connectionString')\r\n";
        readText("stdout_20250109120000_100.log", text);
        readText("stdout_20250109120500_200.log", text);
        assertThat(findings(AncmLogKind.STARTUP_EXCEPTION)).singleElement().satisfies(f -> {
            assertThat(f.count()).isEqualTo(2);
            assertThat(f.pid()).isEqualTo(100);
            assertThat(f.samples()).extracting(s -> s.location())
                    .containsExactly("stdout_20250109120000_100.log:1", "stdout_20250109120500_200.log:1");
        });
    }

    @Test
    void aFileNameWithoutPidIsNoted() throws IOException {
        ReadReport r = readText("app.log", "Unhandled exception. System.Exception: boom\n");
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("process id is unknown"));
        assertThat(findings(AncmLogKind.STARTUP_EXCEPTION)).singleElement().satisfies(f -> assertThat(f.pid()).isZero());
    }

    @Test
    void distinctFindingsAndDetailsAreBounded() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < AncmLogReader.MAX_KEYS + 30; i++) {
            b.append("Unhandled exception. System.Exception: failure number ").append(i).append(' ').append("z".repeat(400)).append('\n');
        }
        ReadReport r = readText("stdout_20250109120000_1.log", b.toString());
        List<Object> facts = reader.facts();
        assertThat(facts).hasSize(AncmLogReader.MAX_KEYS + 1);
        assertThat(facts).allSatisfy(f -> assertThat(((AncmLogFinding) f).detail()).hasSizeLessThanOrEqualTo(AncmLogReader.MAX_DETAIL));
        assertThat(findings(AncmLogKind.OTHER)).singleElement().satisfies(f -> {
            assertThat(f.detail()).isEqualTo(AncmLogReader.FOLDED);
            assertThat(f.count()).isEqualTo(30);
        });
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("more than " + AncmLogReader.MAX_KEYS));
    }

    @Test
    void readsUtf16StdoutWithBom() throws IOException {
        byte[] body = "Hosting environment: Staging\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[body.length + 2];
        all[0] = (byte) 0xFF;
        all[1] = (byte) 0xFE;
        System.arraycopy(body, 0, all, 2, body.length);
        ReportHolder.read(reader, "stdout_20250109120000_9.log", all);
        assertThat(reader.facts()).singleElement().satisfies(h -> assertThat(((HostingEnvironment) h).environment()).isEqualTo("Staging"));
    }

    private static final class ReportHolder {
        static void read(AncmLogReader reader, String name, byte[] bytes) throws IOException {
            reader.read(name, "", new ByteArrayInputStream(bytes), new ReadReport(name, EvidenceKind.ANCM_STDOUT_LOG));
        }
    }
    @Test
    void aStdoutLogThatEndsOnAnInfoStepNamesTheStepItStoppedAt() throws IOException {
        String log = "info: Contoso.Program[0]\n      Contoso 7.4.0 starting\n"
                + "info: Microsoft.EntityFrameworkCore.Migrations[20402]\n      Applying migration '20261120_AddIndex'.\n";
        readText("logs/stdout_20261124053106_4412.log", log);
        readText("logs/stdout_20261124061013_5120.log", log);
        assertThat(findings(AncmLogKind.LAST_STEP)).singleElement().satisfies(f -> {
            assertThat(f.detail()).isEqualTo("Microsoft.EntityFrameworkCore.Migrations[20402]: Applying migration '20261120_AddIndex'.");
            assertThat(f.count()).isEqualTo(2);
            assertThat(f.pid()).isEqualTo(4412);
            assertThat(f.location()).isEqualTo("logs/stdout_20261124053106_4412.log:3");
        });
    }

    @Test
    void aStdoutLogThatStartedOrFailedHasNoLastStep() throws IOException {
        readText("logs/stdout_20250313101500_7100.log", "info: Contoso.Cache[0]\n      Loading the catalog\n"
                + "info: Microsoft.Hosting.Lifetime[0]\n      Application started. Press Ctrl+C to shut down.\n");
        readText("logs/stdout_20250313102000_7200.log", "info: Contoso.Cache[0]\n      Loading the catalog\n"
                + "Unhandled exception. System.InvalidOperationException: boom\n");
        assertThat(findings(AncmLogKind.LAST_STEP)).isEmpty();
    }
}
