package org.iisdiag.evidence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iisdiag.evidence.Fixtures.resource;
import static org.iisdiag.evidence.Fixtures.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.iisdiag.evidence.EvidenceReader;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.AppPoolDefinition;
import org.iisdiag.facts.ApplicationDefinition;
import org.iisdiag.facts.AspNetCoreConfig;
import org.iisdiag.facts.CompilationConfig;
import org.iisdiag.facts.ConfigFact;
import org.iisdiag.facts.CustomErrorsConfig;
import org.iisdiag.facts.ConfigNotWellFormed;
import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.FailedRequestTracingRule;
import org.iisdiag.facts.HttpErrorsConfig;
import org.iisdiag.facts.ModuleReference;
import org.iisdiag.facts.HttpRuntimeConfig;
import org.iisdiag.facts.RequestLimitsConfig;
import org.iisdiag.facts.SiteDefinition;
import org.iisdiag.facts.XmlProblem;
import org.junit.jupiter.api.Test;

class ConfigReadersTest {
    /** Every secret planted in the fixtures; none may appear in a fact, a note or a problem. */
    private static final List<String> SECRETS = List.of(
            "Tr0ub4dor", "sk_live_51HxSECRETSECRET", "Server=sql01", "c2lnbmluZy1rZXktdGhhdC1tdXN0LW5vdC1sZWFr",
            "Winter2024!Secret", "intranet_app", "SG.appsetting-secret-value", "AB12CD34EF56", "0011223344556677",
            "StateP@ss99", "ZW5jcnlwdGVkLWlkZW50aXR5LWJsb2I=", "MailerSecret77", "c2hvcEVuY3J5cHRlZFBhc3N3b3JkQmxvYg==",
            "PlainTextP@ss2024!", "VdirSecret#1", "AnonAuthSecret55", "svc-shop", "svc-api");

    private record Read(ReadReport report, List<Object> facts) {
        <T> List<T> of(Class<T> type) {
            return facts.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T> T one(Class<T> type) {
            List<T> found = of(type);
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    private static Read read(EvidenceReader reader, String fixture) throws IOException {
        return read(reader, fixture, resource("config/" + fixture));
    }

    private static Read read(EvidenceReader reader, String name, InputStream in) throws IOException {
        ReadReport report = new ReadReport(name, name.contains("applicationHost")
                ? EvidenceKind.APPLICATION_HOST_CONFIG : EvidenceKind.WEB_CONFIG);
        reader.read(name, "", in, report);
        return new Read(report, reader.facts());
    }

    private static void assertNoSecrets(Read r) {
        StringBuilder all = new StringBuilder();
        for (Object f : r.facts()) {
            all.append(f).append('\n');
            if (f instanceof EvidenceFact e) {
                all.append(e.describe()).append('\n').append(e.samples()).append('\n');
            }
        }
        all.append(r.report().notes()).append(r.report().problems()).append(r.report().fatalError());
        for (String secret : SECRETS) {
            assertThat(all.toString()).as("secret %s", secret).doesNotContain(secret);
        }
    }

    @Test
    void inProcessWebConfigAsDotnetPublishWritesIt() throws IOException {
        Read r = read(new WebConfigReader(), "aspnetcore-inprocess.web.config");
        assertThat(r.report().failed()).isFalse();
        assertThat(r.report().rejected()).isZero();
        AspNetCoreConfig c = r.one(AspNetCoreConfig.class);
        assertThat(c.processPath()).isEqualTo("dotnet");
        assertThat(c.arguments()).isEqualTo(".\\Contoso.Shop.dll");
        assertThat(c.hostingModel()).isEqualTo("InProcess"); // publish writes "inprocess"
        assertThat(c.inProcess()).isTrue();
        assertThat(c.hostingModelDefaulted()).isFalse();
        assertThat(c.stdoutLogEnabled()).isTrue();
        assertThat(c.stdoutLogFile()).isEqualTo(".\\logs\\stdout");
        assertThat(c.startupTimeLimitSeconds()).isEqualTo(120);
        assertThat(c.requestTimeoutSeconds()).isEqualTo(120);
        assertThat(c.environmentVariableNames())
                .containsExactly("ASPNETCORE_ENVIRONMENT", "ConnectionStrings__Shop", "Stripe__ApiKey");
        assertThat(c.aspnetcoreEnvironment()).isEqualTo("Development");
        assertThat(c.developmentEnvironment()).isTrue();
        assertThat(c.diagnosticVariables()).containsExactly(Map.entry("ASPNETCORE_ENVIRONMENT", "Development"));
        assertThat(c.debugLevel()).isEqualTo("FILE,TRACE");
        assertThat(c.debugFile()).isEqualTo(".\\logs\\aspnetcore-debug.log");
        assertThat(c.debugLogEnabled()).isTrue();
        assertThat(c.locationPath()).isEqualTo(".");
        assertThat(c.configFile()).isEqualTo("aspnetcore-inprocess.web.config");
        // the start tag spans lines 8-12: the fact points at its first line
        assertThat(c.source()).isEqualTo("aspnetcore-inprocess.web.config:8");
        assertThat(c.defaults()).containsExactly("startupTimeLimit=120 (absent: the ANCM default)",
                "requestTimeout=00:02:00 (absent: the ANCM default)");
        assertThat(c.occurrences()).isEqualTo(1);
        assertThat(c.status()).isZero();
        assertThat(c.describe()).contains("InProcess", "ASPNETCORE_ENVIRONMENT=Development", "(aspnetcore-inprocess.web.config:8)");
        // the aspNetCore settings, the handler mapping that needs AspNetCoreModuleV2, the paths its handlers map
        // and what the file's <location> sets
        assertThat(r.report().entries()).isEqualTo(4);
        assertThat(r.facts()).filteredOn(f -> f instanceof ModuleReference).singleElement()
                .satisfies(f -> assertThat(((ModuleReference) f).module()).isEqualTo("AspNetCoreModuleV2"));
        assertThat(r.report().lines()).isEqualTo(26);
        assertNoSecrets(r);
    }

    @Test
    void outOfProcessWhenHostingModelIsAbsentAndSaysSo() throws IOException {
        Read r = read(new WebConfigReader(), "aspnetcore-outofprocess.web.config");
        assertThat(r.report().rejected()).isZero();
        AspNetCoreConfig c = r.one(AspNetCoreConfig.class);
        assertThat(c.hostingModel()).isEqualTo("OutOfProcess");
        assertThat(c.inProcess()).isFalse();
        assertThat(c.hostingModelDefaulted()).isTrue();
        assertThat(c.defaults()).anySatisfy(d -> assertThat(d).startsWith("hostingModel=OutOfProcess (absent"));
        assertThat(c.describe()).contains("hostingModel=OutOfProcess (absent");
        assertThat(c.processPath()).isEqualTo(".\\Contoso.Api.exe");
        assertThat(c.arguments()).isEmpty();
        assertThat(c.stdoutLogEnabled()).isFalse();
        assertThat(c.startupTimeLimitSeconds()).isEqualTo(300);
        assertThat(c.requestTimeout()).isEqualTo("00:20:00");
        assertThat(c.requestTimeoutSeconds()).isEqualTo(1200);
        assertThat(c.aspnetcoreEnvironment()).isEmpty();
        assertThat(c.environmentVariableNames()).containsExactly("ASPNETCORE_DETAILEDERRORS", "ASPNETCORE_MODULE_DEBUG", "Jwt__SigningKey");
        assertThat(c.diagnosticVariables()).containsExactly(Map.entry("ASPNETCORE_DETAILEDERRORS", "true"),
                Map.entry("ASPNETCORE_MODULE_DEBUG", "1"));
        assertThat(c.debugLevel()).isEmpty();
        assertThat(c.debugLogEnabled()).isTrue();

        HttpErrorsConfig errors = r.one(HttpErrorsConfig.class);
        assertThat(errors.errorMode()).isEqualTo("Detailed");
        assertThat(errors.existingResponse()).isEqualTo("PassThrough");
        assertThat(errors.detailedToRemoteClients()).isTrue();
        assertThat(errors.defaults()).isEmpty();
        assertThat(errors.source()).isEqualTo("aspnetcore-outofprocess.web.config:15");

        RequestLimitsConfig limits = r.one(RequestLimitsConfig.class);
        assertThat(limits.maxAllowedContentLength()).isEqualTo(104_857_600L);
        assertThat(limits.maxUrl()).isEqualTo(4096);
        assertThat(limits.maxQueryString()).isEqualTo(2048);
        assertThat(limits.defaults()).containsExactly("maxUrl=4096 (absent: the IIS default)",
                "maxQueryString=2048 (absent: the IIS default)");

        FailedRequestTracingRule rule = r.one(FailedRequestTracingRule.class);
        assertThat(rule.path()).isEqualTo("*");
        assertThat(rule.statusCodes()).isEqualTo("500-599,404.2");
        assertThat(rule.timeTaken()).isEqualTo("00:00:30");
        assertThat(rule.verbosity()).isEqualTo("Error");
        assertThat(rule.traceAreas()).extracting(FailedRequestTracingRule.TraceArea::provider)
                .containsExactly("ASPNET", "WWW Server");
        assertThat(rule.traceAreas().get(1).areas()).endsWith(",ANCM");
        assertThat(rule.locationPath()).isEqualTo(".");
        assertThat(rule.source()).isEqualTo("aspnetcore-outofprocess.web.config:23");
        // document order within the file
        assertThat(r.facts()).extracting(f -> f.getClass().getSimpleName()).containsExactly(
                "ConfigSectionsSet", "HandlerPaths", "ModuleReference", "AspNetCoreConfig", "HttpErrorsConfig",
                "RequestLimitsConfig", "FailedRequestTracingRule");
        assertNoSecrets(r);
    }

    @Test
    void aspNetFrameworkSettingsWithoutReadingAnySecret() throws IOException {
        Read r = read(new WebConfigReader(), "aspnet4.web.config");
        assertThat(r.report().failed()).isFalse();
        assertThat(r.report().rejected()).isZero();
        CompilationConfig compilation = r.one(CompilationConfig.class);
        assertThat(compilation.debug()).isTrue();
        assertThat(compilation.targetFramework()).isEqualTo("4.8");
        assertThat(compilation.source()).isEqualTo("aspnet4.web.config:18");
        assertThat(r.one(CustomErrorsConfig.class).mode()).isEqualTo("Off");
        assertThat(r.one(CustomErrorsConfig.class).off()).isTrue();

        List<HttpRuntimeConfig> runtimes = r.of(HttpRuntimeConfig.class);
        assertThat(runtimes).hasSize(2);
        assertThat(runtimes.get(0).executionTimeoutSeconds()).isEqualTo(300);
        // maxRequestLength is in kilobytes (51200 KB = 50 MB); request filtering counts bytes
        assertThat(runtimes.get(0).maxRequestLengthKb()).isEqualTo(51200);
        assertThat(runtimes.get(0).maxRequestLengthBytes()).isEqualTo(52_428_800L);
        assertThat(runtimes.get(0).defaults()).isEmpty();
        assertThat(runtimes.get(0).locationPath()).isEmpty();
        // element present without executionTimeout: the ASP.NET default, and the fact says so
        assertThat(runtimes.get(1).executionTimeoutSeconds()).isEqualTo(110);
        assertThat(runtimes.get(1).locationPath()).isEqualTo("reports");
        assertThat(runtimes.get(1).maxRequestLengthKb()).isEqualTo(4096);
        assertThat(runtimes.get(1).defaults()).containsExactly("executionTimeout=110 s (absent: the ASP.NET default, 00:01:50)",
                "maxRequestLength=4096 (absent: the ASP.NET default)");
        assertThat(runtimes.get(1).describe()).contains("110 s", "<location path=\"reports\">", "assumed");

        HttpErrorsConfig errors = r.one(HttpErrorsConfig.class);
        assertThat(errors.errorMode()).isEqualTo("Custom");
        assertThat(errors.existingResponse()).isEqualTo("Auto");
        assertThat(errors.defaults()).containsExactly("existingResponse=Auto (absent: the IIS default)");
        assertThat(r.one(RequestLimitsConfig.class).maxQueryString()).isEqualTo(4096);

        assertThat(r.report().notes()).anySatisfy(n -> assertThat(n)
                .isEqualTo("aspnet4.web.config:23: <identity> is encrypted (configProtectionProvider="
                        + "RsaProtectedConfigurationProvider) and was skipped"));
        assertThat(r.report().notes()).anySatisfy(n -> assertThat(n).contains("<connectionStrings>", "not read"));
        // of the connection string only where it connects is kept
        assertThat(r.one(org.iisdiag.facts.SqlConnectionTarget.class)).satisfies(c -> {
            assertThat(c.name()).isEqualTo("DefaultConnection");
            assertThat(c.dataSource()).isEqualTo("sql02");
            assertThat(c.database()).isEqualTo("Intranet");
            assertThat(c.integratedSecurity()).isFalse();
            assertThat(c.host()).isEqualTo("sql02");
        });
        assertNoSecrets(r);
    }

    @Test
    void applicationHostSitesApplicationsAndPoolsWithDefaultsApplied() throws IOException {
        Read r = read(new ApplicationHostConfigReader(), "applicationHost.config");
        assertThat(r.report().failed()).isFalse();
        assertThat(r.report().rejected()).isZero();

        List<SiteDefinition> sites = r.of(SiteDefinition.class);
        assertThat(sites).extracting(SiteDefinition::id, SiteDefinition::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "Default Web Site"),
                        org.assertj.core.groups.Tuple.tuple(2L, "Contoso Shop"),
                        org.assertj.core.groups.Tuple.tuple(3L, "Legacy"));
        SiteDefinition shop = sites.get(1);
        assertThat(shop.bindings()).containsExactly("https/*:443:shop.contoso.com", "http/*:80:shop.contoso.com");
        assertThat(shop.logLabel()).isEqualTo("W3SVC2");
        assertThat(shop.logDirectory()).isEqualTo("D:\\logs\\iis");
        assertThat(shop.frebEnabled()).isTrue();
        assertThat(shop.frebDirectory()).isEqualTo("D:\\logs\\FailedReqLogFiles");
        assertThat(shop.frebMaxLogFiles()).isEqualTo(1000);
        assertThat(shop.serverAutoStart()).isTrue();
        assertThat(shop.defaults()).isEmpty();
        SiteDefinition def = sites.get(0);
        assertThat(def.bindings()).containsExactly("http/*:80:");
        assertThat(def.logDirectory()).isEqualTo("%SystemDrive%\\inetpub\\logs\\LogFiles");
        assertThat(def.frebEnabled()).isFalse();
        assertThat(def.frebMaxLogFiles()).isEqualTo(200);
        assertThat(def.defaults()).containsExactly(
                "logFile.directory=%SystemDrive%\\inetpub\\logs\\LogFiles (from siteDefaults)",
                "traceFailedRequestsLogging.enabled=false (absent: the IIS default)",
                "traceFailedRequestsLogging.directory=%SystemDrive%\\inetpub\\logs\\FailedReqLogFiles (from siteDefaults)",
                "traceFailedRequestsLogging.maxLogFiles=200 (from siteDefaults)",
                "serverAutoStart=true (absent: the IIS default)");
        assertThat(def.source()).isEqualTo("applicationHost.config:34");

        List<ApplicationDefinition> apps = r.of(ApplicationDefinition.class);
        assertThat(apps).extracting(a -> a.siteName() + a.path() + " " + a.appPool() + " " + a.physicalPath()).containsExactly(
                "Default Web Site/ LegacyAspPool %SystemDrive%\\inetpub\\wwwroot",
                "Contoso Shop/ ShopAppPool D:\\sites\\shop",
                "Contoso Shop/checkout ShopAppPool \\\\fs01\\sites\\checkout",
                "Contoso Shop/api ApiAppPool D:\\sites\\api",
                "Legacy/ LegacyAspPool D:\\sites\\legacy");
        assertThat(apps.get(0).defaults()).containsExactly("applicationPool=LegacyAspPool (from sites/applicationDefaults)");
        assertThat(apps.get(1).siteId()).isEqualTo(2);
        // two applications share ShopAppPool
        assertThat(apps).filteredOn(a -> a.appPool().equals("ShopAppPool")).hasSize(2);

        List<AppPoolDefinition> pools = r.of(AppPoolDefinition.class);
        assertThat(pools).extracting(AppPoolDefinition::name)
                .containsExactly("DefaultAppPool", "ShopAppPool", "ApiAppPool", "LegacyAspPool");
        AppPoolDefinition dflt = pools.get(0);
        assertThat(dflt.identityType()).isEqualTo("ApplicationPoolIdentity");
        assertThat(dflt.userNameSet()).isFalse();
        assertThat(dflt.managedRuntimeVersion()).isEqualTo("v4.0");
        assertThat(dflt.queueLength()).isEqualTo(2000); // from applicationPoolDefaults
        assertThat(dflt.defaults()).contains("managedRuntimeVersion=v4.0 (from applicationPoolDefaults)",
                "queueLength=2000 (from applicationPoolDefaults)", "managedPipelineMode=Integrated (absent: the IIS default)",
                "failure.rapidFailProtection=true (absent: the IIS default)");
        AppPoolDefinition shopPool = pools.get(1);
        assertThat(shopPool.identityType()).isEqualTo("SpecificUser");
        assertThat(shopPool.userNameSet()).isTrue();
        assertThat(shopPool.noManagedCode()).isTrue();
        assertThat(shopPool.startMode()).isEqualTo("AlwaysRunning");
        AppPoolDefinition api = pools.get(2);
        assertThat(api.rapidFailProtection()).isFalse();
        assertThat(api.queueLength()).isEqualTo(5000);
        assertThat(api.autoStart()).isFalse();
        assertThat(api.userNameSet()).isTrue();
        assertThat(api.disallowOverlappingRotation()).isTrue();
        assertThat(pools).filteredOn(AppPoolDefinition::disallowOverlappingRotation).containsExactly(api); // default false
        AppPoolDefinition legacy = pools.get(3);
        assertThat(legacy.enable32BitAppOnWin64()).isTrue();
        assertThat(legacy.managedPipelineMode()).isEqualTo("Classic");
        assertThat(legacy.rapidFailProtection()).isTrue();

        // server-wide httpErrors without errorMode: the IIS default
        HttpErrorsConfig errors = r.one(HttpErrorsConfig.class);
        assertThat(errors.errorMode()).isEqualTo("DetailedLocalOnly");
        assertThat(errors.locationPath()).isEmpty();
        FailedRequestTracingRule rule = r.one(FailedRequestTracingRule.class);
        assertThat(rule.locationPath()).isEqualTo("Contoso Shop/api");
        assertThat(rule.statusCodes()).isEqualTo("500-599");
        assertThat(rule.verbosity()).isEqualTo("Ignore");
        assertThat(rule.traceAreas()).singleElement().satisfies(a -> assertThat(a.verbosity()).isEqualTo("Verbose"));
        assertNoSecrets(r);
    }

    @Test
    void billionLaughsIsRefusedQuicklyWithoutExpansion() throws IOException {
        long start = System.nanoTime();
        Read r = read(new WebConfigReader(), "billion-laughs.config");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(ms).isLessThan(1000);
        assertThat(r.report().failed()).isTrue();
        assertThat(r.report().fatalError()).startsWith("billion-laughs.config:2: refused: the document has a DOCTYPE (DTD)")
                .contains("billion laughs");
        assertThat(r.facts()).isEmpty();
    }

    @Test
    void xxeIsRefusedQuicklyWithoutReadingTheFileOrFetchingTheUrl() throws IOException {
        long start = System.nanoTime();
        // 203.0.113.7 is TEST-NET-3: a fetch attempt would hang far past the limit
        Read r = read(new WebConfigReader(), "xxe.config");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(ms).isLessThan(1000);
        assertThat(r.report().fatalError()).startsWith("xxe.config:2: refused: the document has a DOCTYPE")
                .contains("XXE");
        assertThat(r.facts()).isEmpty();
        assertThat(r.toString()).doesNotContain("root:");
    }

    @Test
    void externalDtdAloneIsRefusedToo() throws IOException {
        long start = System.nanoTime();
        Read r = read(new WebConfigReader(), "web.config", text(
                "<?xml version=\"1.0\"?>\n<!DOCTYPE configuration SYSTEM \"http://203.0.113.7/evil.dtd\">\n<configuration/>\n"));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
        assertThat(r.report().fatalError()).startsWith("web.config:2: refused: the document has a DOCTYPE");
    }

    @Test
    void poolsKeepLoadUserProfileAsWrittenAndWindowsAuthenticationKeepsItsProviders() throws IOException {
        Read r = read(new ApplicationHostConfigReader(), "applicationHost.config", text("""
                <configuration>
                  <system.applicationHost>
                    <applicationPools>
                      <add name="NoProfile"><processModel loadUserProfile="false" /></add>
                      <add name="Inherits" />
                      <applicationPoolDefaults><processModel loadUserProfile="true" /></applicationPoolDefaults>
                    </applicationPools>
                  </system.applicationHost>
                  <location path="Intranet">
                    <system.webServer><security><authentication>
                      <windowsAuthentication enabled="true">
                        <providers><clear /><add value="Negotiate" /></providers>
                      </windowsAuthentication>
                    </authentication></security></system.webServer>
                  </location>
                  <location path="Intranet/api">
                    <system.webServer><security><authentication>
                      <windowsAuthentication enabled="true">
                        <providers><add value="NTLM" /></providers>
                      </windowsAuthentication>
                    </authentication></security></system.webServer>
                  </location>
                </configuration>
                """));
        assertThat(r.of(AppPoolDefinition.class)).extracting(AppPoolDefinition::name, AppPoolDefinition::loadUserProfile)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NoProfile", org.iisdiag.facts.Tristate.NO),
                        org.assertj.core.groups.Tuple.tuple("Inherits", org.iisdiag.facts.Tristate.YES));
        List<org.iisdiag.facts.WindowsAuthProviders> providers = r.of(org.iisdiag.facts.WindowsAuthProviders.class);
        assertThat(providers).extracting(p -> p.locationPath() + " " + p.cleared() + " " + p.providers() + " " + p.dropsNtlm())
                .containsExactly("Intranet true [Negotiate] true", "Intranet/api false [NTLM] false");
        assertThat(providers.get(1).level()).isGreaterThan(providers.get(0).level());

        // neither the pool nor applicationPoolDefaults says: unknown, not the schema default
        Read bare = read(new ApplicationHostConfigReader(), "applicationHost.config", text("""
                <configuration><system.applicationHost><applicationPools><add name="Bare" /></applicationPools>
                </system.applicationHost></configuration>
                """));
        assertThat(bare.one(AppPoolDefinition.class).loadUserProfile()).isEqualTo(org.iisdiag.facts.Tristate.UNKNOWN);
    }

    @Test
    void httpErrorsListsThePagesExecutedAsUrls() throws IOException {
        Read r = read(new WebConfigReader(), "web.config", text("""
                <configuration><system.webServer>
                  <httpErrors errorMode="Custom" defaultResponseMode="ExecuteURL" defaultPath="/errors/any.aspx">
                    <error statusCode="404" path="/errors/404.aspx" />
                    <error statusCode="500" subStatusCode="13" path="/errors/busy.aspx" responseMode="ExecuteURL" />
                    <error statusCode="403" path="errors\\403.htm" responseMode="File" />
                  </httpErrors>
                </system.webServer></configuration>
                """));
        HttpErrorsConfig errors = r.one(HttpErrorsConfig.class);
        assertThat(errors.executesUrls()).isTrue();
        assertThat(errors.executeUrlPages()).containsExactly(
                "/errors/404.aspx (404)", "/errors/busy.aspx (500.13)", "/errors/any.aspx (default)");

        Read files = read(new WebConfigReader(), "web.config", text("""
                <configuration><system.webServer>
                  <httpErrors errorMode="Custom"><error statusCode="404" path="/errors/404.aspx" /></httpErrors>
                </system.webServer></configuration>
                """));
        // without a responseMode the default is File: nothing is executed as a URL
        assertThat(files.one(HttpErrorsConfig.class).executesUrls()).isFalse();
    }

    @Test
    void malformedXmlFailsWithItsLine() throws IOException {
        Read r = read(new WebConfigReader(), "malformed.web.config");
        assertThat(r.report().failed()).isTrue();
        assertThat(r.report().fatalError()).startsWith("malformed.web.config:7: not well-formed XML: ")
                .contains("httpErrors").doesNotContain("ParseError");
        // IIS cannot parse it either: one fact says where and what, nothing of the file's settings is used
        ConfigNotWellFormed bad = r.one(ConfigNotWellFormed.class);
        assertThat(r.facts()).hasSize(1);
        assertThat(bad.line()).isEqualTo(7);
        assertThat(bad.problem()).isEqualTo(XmlProblem.UNCLOSED_ELEMENT);
        assertThat(bad.source()).isEqualTo("malformed.web.config:7");
    }

    @Test
    void aBareAmpersandInAValueNamesItsLineAndNeverTheValue() throws IOException {
        Read r = read(new WebConfigReader(), "web.config", text("""
                <?xml version="1.0"?>
                <configuration>
                  <appSettings>
                    <add key="Archive" value="https://archive.example/feed?sv=2022&sig=PlainTextP@ss2024!" />
                  </appSettings>
                </configuration>
                """));
        assertThat(r.report().failed()).isTrue();
        ConfigNotWellFormed bad = r.one(ConfigNotWellFormed.class);
        assertThat(bad.line()).isEqualTo(4);
        assertThat(bad.problem()).isEqualTo(XmlProblem.AMPERSAND);
        assertThat(bad.describe()).startsWith("web.config is not well-formed XML at line 4: a bare '&'");
        assertNoSecrets(r);
    }

    @Test
    void aRefusedDocumentIsNotReportedAsMalformed() throws IOException {
        Read r = read(new WebConfigReader(), "xxe.config");
        assertThat(r.of(ConfigNotWellFormed.class)).isEmpty();
    }

    @Test
    void anotherRootElementIsNotAConfigurationFile() throws IOException {
        Read r = read(new WebConfigReader(), "web.config", text("<?xml version=\"1.0\"?>\n<failedRequest url=\"http://x/\"/>\n"));
        assertThat(r.report().fatalError())
                .isEqualTo("web.config:2: the root element is <failedRequest>, not <configuration>: not an IIS configuration file");
    }

    @Test
    void deepNestingIsRefusedWithoutRecursion() throws IOException {
        int depth = 50_000;
        String doc = "<configuration>" + "<a>".repeat(depth) + "</a>".repeat(depth) + "</configuration>";
        long start = System.nanoTime();
        Read r = read(new WebConfigReader(), "web.config", text(doc));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
        assertThat(r.report().fatalError()).contains("nested deeper than " + ConfigXml.MAX_DEPTH);
    }

    @Test
    void unreadableValuesAreRejectedWithTheirLineAndDefaultsUsed() throws IOException {
        String doc = """
                <configuration>
                  <system.webServer>
                    <aspNetCore processPath="dotnet" arguments=".\\A.dll --password=hunter2" stdoutLogEnabled="yes"
                                startupTimeLimit="two minutes" requestTimeout="forever" hostingModel="sideways" />
                  </system.webServer>
                  <system.web>
                    <httpRuntime executionTimeout="00:05:00" />
                  </system.web>
                </configuration>
                """;
        Read r = read(new WebConfigReader(), "web.config", text(doc));
        assertThat(r.report().failed()).isFalse();
        assertThat(r.report().problems()).extracting(p -> p.line() + " " + p.reason()).containsExactly(
                "3 <aspNetCore> hostingModel 'sideways' is neither InProcess nor OutOfProcess",
                "3 stdoutLogEnabled 'yes' is not true or false; false assumed",
                "3 startupTimeLimit 'two minutes' is not a whole number",
                "3 <aspNetCore> requestTimeout 'forever' is not a time span like 00:02:00",
                "7 <httpRuntime> executionTimeout '00:05:00' is not a whole number of seconds (read as 300 s;"
                        + " ASP.NET itself expects seconds and may refuse it)");
        AspNetCoreConfig c = r.one(AspNetCoreConfig.class);
        assertThat(c.startupTimeLimitSeconds()).isEqualTo(-1);
        assertThat(c.requestTimeoutSeconds()).isEqualTo(-1);
        assertThat(c.stdoutLogEnabled()).isFalse();
        assertThat(c.arguments()).isEqualTo(".\\A.dll --password=***").doesNotContain("hunter2");
        assertThat(r.one(HttpRuntimeConfig.class).executionTimeoutSeconds()).isEqualTo(300);
    }

    @Test
    void missingProcessPathAndDuplicateSectionsAreReported() throws IOException {
        String doc = """
                <configuration>
                  <system.webServer>
                    <aspNetCore arguments=".\\A.dll" />
                    <aspNetCore processPath="dotnet" />
                  </system.webServer>
                </configuration>
                """;
        Read r = read(new WebConfigReader(), "site/web.config", text(doc));
        assertThat(r.report().problems()).extracting(p -> p.line() + " " + p.reason())
                .containsExactly("3 <aspNetCore> has no processPath (required: ANCM cannot start the app)");
        assertThat(r.report().notes()).contains("site/web.config:4: a second <aspNetCore> in the same place (first at line 3);"
                + " IIS answers 500.19 for a duplicate section. Both are listed.");
        assertThat(r.of(AspNetCoreConfig.class)).extracting(AspNetCoreConfig::source)
                .containsExactly("site/web.config:3", "site/web.config:4");
    }

    @Test
    void factsAreInTheSameOrderWhateverTheOrderFilesAreReadIn() throws IOException {
        String[] files = {"aspnetcore-outofprocess.web.config", "aspnet4.web.config", "aspnetcore-inprocess.web.config"};
        WebConfigReader forward = new WebConfigReader();
        for (String f : files) {
            read(forward, f);
        }
        WebConfigReader backward = new WebConfigReader();
        for (int i = files.length - 1; i >= 0; i--) {
            read(backward, files[i]);
        }
        // 11 settings, the machineKey (whether its keys are generated), one connection string's target, the two
        // handler mappings that name AspNetCoreModuleV2 and the paths of their handlers sections, and what each
        // file's system.webServer sets (3)
        assertThat(forward.facts()).hasSize(21).isEqualTo(backward.facts());
        assertThat(forward.facts().get(0)).isInstanceOf(org.iisdiag.facts.SqlConnectionTarget.class); // aspnet4 sorts first
        assertThat(forward.facts()).allSatisfy(f -> assertThat(f).isInstanceOf(ConfigFact.class));
    }

    @Test
    void environmentVariableValuesOtherThanTheDiagnosticSwitchesNeverEnterTheTree() {
        assertThat(ConfigXml.diagnosticVariable("aspnetcore_environment")).isTrue();
        assertThat(ConfigXml.diagnosticVariable("ASPNETCORE_MODULE_DEBUG_FILE")).isTrue();
        assertThat(ConfigXml.diagnosticVariable("ASPNETCORE_URLS")).isFalse();
        assertThat(ConfigXml.secret("processModel.password")).isTrue();
        assertThat(ConfigXml.secret("sqlConnectionString")).isTrue();
        assertThat(ConfigXml.secret("validationKey")).isTrue();
        assertThat(ConfigXml.secret("processPath")).isFalse();
    }

    @Test
    void utf16WithByteOrderMarkAndAnOldNamespaceAreRead() throws IOException {
        String doc = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\r\n"
                + "<configuration xmlns=\"http://schemas.microsoft.com/.NetConfiguration/v2.0\">\r\n"
                + "  <system.web>\r\n    <customErrors mode=\"On\" />\r\n  </system.web>\r\n</configuration>\r\n";
        byte[] utf16 = ("\uFEFF" + doc).getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        Read r = read(new WebConfigReader(), "web.config", new java.io.ByteArrayInputStream(utf16));
        assertThat(r.report().failed()).isFalse();
        CustomErrorsConfig c = r.one(CustomErrorsConfig.class);
        assertThat(c.mode()).isEqualTo("On");
        assertThat(c.defaults()).isEmpty();
        assertThat(c.source()).isEqualTo("web.config:4");
    }

    @Test
    void sessionStateKeepsWhereItsSqlConnectionStringConnectsAndNothingElse() throws IOException {
        String doc = "<configuration>\n  <system.web>\n    <sessionState mode=\"SQLServer\" allowCustomSqlDatabase=\"true\""
                + " sqlConnectionString=\"Data Source=SQL07\\SESSIONS;Initial Catalog=WebSessions;User ID=web;Password=s3cret\" />\n"
                + "  </system.web>\n</configuration>\n";
        Read r = read(new WebConfigReader(), "web.config",
                new java.io.ByteArrayInputStream(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        org.iisdiag.facts.SessionStateConfig c = r.one(org.iisdiag.facts.SessionStateConfig.class);
        assertThat(c.mode()).isEqualTo("SQLServer");
        assertThat(c.sqlServer()).isEqualTo("SQL07\\SESSIONS");
        assertThat(c.sqlDatabase()).isEqualTo("WebSessions");
        assertThat(c.inSqlServer()).isTrue();
        assertThat(c.describe()).doesNotContain("s3cret").doesNotContain("web;");
    }

    @Test
    void sessionStateWithoutAModeIsInProc() throws IOException {
        String doc = "<configuration><system.web><sessionState timeout=\"30\" /></system.web></configuration>";
        Read r = read(new WebConfigReader(), "web.config",
                new java.io.ByteArrayInputStream(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        org.iisdiag.facts.SessionStateConfig c = r.one(org.iisdiag.facts.SessionStateConfig.class);
        assertThat(c.mode()).isEqualTo("InProc");
        assertThat(c.inSqlServer()).isFalse();
        assertThat(c.defaults()).isNotEmpty();
    }

    @Test
    void protectedConfigurationProvidersNameTheirKeyContainers() throws IOException {
        String doc = "<configuration>\n  <configProtectedData>\n    <providers>\n"
                + "      <add name=\"FarmRsa\" type=\"System.Configuration.RsaProtectedConfigurationProvider\""
                + " keyContainerName=\"FarmKeys\" useMachineContainer=\"false\" />\n"
                + "      <add name=\"Dpapi\" type=\"System.Configuration.DpapiProtectedConfigurationProvider\" />\n"
                + "      <add type=\"no name: not a provider a section can name\" />\n"
                + "    </providers>\n  </configProtectedData>\n</configuration>\n";
        Read r = read(new WebConfigReader(), "web.config",
                new java.io.ByteArrayInputStream(doc.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<org.iisdiag.facts.ProtectedConfigProvider> providers = r.of(org.iisdiag.facts.ProtectedConfigProvider.class);
        assertThat(providers).extracting(org.iisdiag.facts.ProtectedConfigProvider::name).containsExactly("FarmRsa", "Dpapi");
        assertThat(providers.get(0).keyContainerName()).isEqualTo("FarmKeys");
        assertThat(providers.get(0).machineContainer()).isFalse();
        assertThat(providers.get(0).source()).isEqualTo("web.config:4");
        assertThat(providers.get(0).describe()).contains("key container FarmKeys (user store)");
        assertThat(providers.get(1).keyContainerName()).isEmpty();
        assertThat(providers.get(1).machineContainer()).isTrue();
    }

    @Test
    void secretsOnTheCommandLineAreMasked() {
        assertThat(ConfigExtractor.maskArguments(".\\App.dll --urls http://localhost:5000"))
                .isEqualTo(".\\App.dll --urls http://localhost:5000");
        assertThat(ConfigExtractor.maskArguments(".\\App.dll --password hunter2 --ConnectionStrings:Db=Server=x;Pwd=y /ApiKey:abc"))
                .isEqualTo(".\\App.dll --password *** --ConnectionStrings:*** /ApiKey:***");
        assertThat(ConfigExtractor.maskArguments("")).isEmpty();
    }

    @Test
    void timeSpans() {
        assertThat(ConfigExtractor.timeSpan("00:02:00")).isEqualTo(120);
        assertThat(ConfigExtractor.timeSpan("360:00:00")).isEqualTo(1_296_000);
        assertThat(ConfigExtractor.timeSpan("1.00:00:30")).isEqualTo(86_430);
        assertThat(ConfigExtractor.timeSpan("00:61:00")).isEqualTo(-1);
        assertThat(ConfigExtractor.timeSpan("2m")).isEqualTo(-1);
    }

    @Test
    void iisnodeSettingsWithTheirDefaults() throws IOException {
        Read r = read(new WebConfigReader(), "web.config", text("""
                <configuration><system.webServer>
                  <iisnode nodeProcessCommandLine="&quot;C:\\Program Files\\nodejs\\node.exe&quot; --max-old-space-size=2048"
                           devErrorsEnabled="false" />
                </system.webServer></configuration>
                """));
        org.iisdiag.facts.IisNodeConfig c = r.one(org.iisdiag.facts.IisNodeConfig.class);
        assertThat(c.nodeProcessCommandLine()).isEqualTo("\"C:\\Program Files\\nodejs\\node.exe\" --max-old-space-size=2048");
        assertThat(c.nodeExe()).isEqualTo("C:\\Program Files\\nodejs\\node.exe");
        assertThat(c.devErrorsEnabled()).isFalse();
        assertThat(c.loggingEnabled()).isTrue();
        assertThat(c.logDirectory()).isEqualTo("iisnode");
        assertThat(c.defaults()).contains("loggingEnabled=true (absent: the iisnode default)");
        assertThat(c.source()).isEqualTo("web.config:2");
    }

    @Test
    void httpPlatformReadsTheProcessItStartsWithTheModulesDefaults() throws IOException {
        Read r = read(new WebConfigReader(), "web.config", text("""
                <configuration><system.webServer>
                  <httpPlatform processPath="C:\\Program Files\\Java\\bin\\java.exe"
                                arguments="-Dserver.port=%HTTP_PLATFORM_PORT% --db-password s3cret -jar app.jar"
                                stdoutLogEnabled="true" startupTimeLimit="60" requestTimeout="00:05:00" />
                </system.webServer></configuration>
                """));
        org.iisdiag.facts.HttpPlatformConfig c = r.one(org.iisdiag.facts.HttpPlatformConfig.class);
        assertThat(c.processPath()).isEqualTo("C:\\Program Files\\Java\\bin\\java.exe");
        assertThat(c.arguments()).contains("%HTTP_PLATFORM_PORT%").doesNotContain("s3cret");
        assertThat(c.passesPort()).isTrue();
        assertThat(c.stdoutLogEnabled()).isTrue();
        assertThat(c.stdoutLogFile()).isEqualTo("httpplatform-stdout");
        assertThat(c.startupTimeLimit()).isEqualTo(60);
        assertThat(c.startupRetryCount()).isEqualTo(10);
        assertThat(c.rapidFailsPerMinute()).isEqualTo(10);
        assertThat(c.requestTimeoutSeconds()).isEqualTo(300);
        assertThat(c.defaults()).contains("startupRetryCount=10 (absent: the HttpPlatformHandler default)");
        assertThat(c.source()).isEqualTo("web.config:2");
    }

    @Test
    void poolsReadLoadUserProfileFromThePoolElseItsDefaults() throws IOException {
        String xml = """
                <configuration>
                  <system.applicationHost>
                    <applicationPools>
                      <add name="Portal"><processModel identityType="ApplicationPoolIdentity" loadUserProfile="false" /></add>
                      <add name="Api"><processModel loadUserProfile="True" /></add>
                      <add name="Plain" />
                      <applicationPoolDefaults><processModel setProfileEnvironment="false" /></applicationPoolDefaults>
                    </applicationPools>
                  </system.applicationHost>
                </configuration>
                """;
        Read r = read(new ApplicationHostConfigReader(), "applicationHost.config",
                new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<AppPoolDefinition> pools = r.of(AppPoolDefinition.class);
        assertThat(pools).extracting(AppPoolDefinition::name, AppPoolDefinition::loadUserProfile).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Portal", org.iisdiag.facts.Tristate.NO),
                org.assertj.core.groups.Tuple.tuple("Api", org.iisdiag.facts.Tristate.YES),
                org.assertj.core.groups.Tuple.tuple("Plain", org.iisdiag.facts.Tristate.UNKNOWN));
        assertThat(pools.get(0).describe()).contains("loadUserProfile false");
        // not known is not assumed: nothing is listed among the defaults
        assertThat(pools.get(2).defaults()).noneMatch(d -> d.contains("loadUserProfile"));
    }

    private static java.io.InputStream text(String s) {
        return new java.io.ByteArrayInputStream(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void lockedSectionsAreThoseDeniedByDefaultLessWhatEverySiteIsHandedBack() throws IOException {
        Read host = read(new ApplicationHostConfigReader(), "applicationHost.config", text("""
                <configuration>
                  <configSections>
                    <sectionGroup name="system.webServer">
                      <section name="handlers" overrideModeDefault="Deny" />
                      <section name="modules" overrideModeDefault="Deny" />
                      <section name="defaultDocument" overrideModeDefault="Allow" />
                      <sectionGroup name="security"><sectionGroup name="authentication">
                        <section name="windowsAuthentication" overrideModeDefault="Deny" />
                      </sectionGroup></sectionGroup>
                    </sectionGroup>
                  </configSections>
                  <location path="" overrideMode="Allow"><system.webServer><modules /><handlers /></system.webServer></location>
                </configuration>
                """));
        org.iisdiag.facts.LockedSections locked = host.one(org.iisdiag.facts.LockedSections.class);
        assertThat(locked.sections()).containsExactly("system.webServer/security/authentication/windowsAuthentication");

        Read web = read(new WebConfigReader(), "hr/web.config", text("""
                <configuration>
                  <system.webServer>
                    <security><authentication><windowsAuthentication enabled="true" /></authentication></security>
                    <modules runAllManagedModulesForAllRequests="false" />
                  </system.webServer>
                  <location path="reports"><system.webServer><defaultDocument enabled="true" /></system.webServer></location>
                </configuration>
                """));
        List<org.iisdiag.facts.ConfigSectionsSet> set = web.of(org.iisdiag.facts.ConfigSectionsSet.class);
        assertThat(set).extracting(org.iisdiag.facts.ConfigSectionsSet::locationPath).containsExactly("", "reports");
        assertThat(set.get(0).lockedBy(locked)).containsExactly("system.webServer/security/authentication/windowsAuthentication");
        assertThat(set.get(1).lockedBy(locked)).isEmpty();
    }
}
