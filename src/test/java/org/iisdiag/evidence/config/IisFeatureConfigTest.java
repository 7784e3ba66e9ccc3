package org.iisdiag.evidence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iisdiag.evidence.Fixtures.resource;

import java.io.IOException;
import java.util.List;

import org.iisdiag.evidence.EvidenceReader;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.AccessConfig;
import org.iisdiag.facts.AspLimitsConfig;
import org.iisdiag.facts.IpSecurityConfig;
import org.iisdiag.facts.IpSecurityEntry;
import org.iisdiag.facts.DefaultDocumentConfig;
import org.iisdiag.facts.DirectoryBrowseConfig;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.GlobalModules;
import org.iisdiag.facts.HandlerMapping;
import org.iisdiag.facts.HandlerPaths;
import org.iisdiag.facts.ModuleReference;
import org.iisdiag.facts.ServerRuntimeConfig;
import org.iisdiag.facts.SiteLimitsConfig;
import org.iisdiag.facts.WebFarmConfig;
import org.iisdiag.facts.WcfBindingConfig;
import org.iisdiag.facts.WcfHostingConfig;
import org.iisdiag.facts.DenyUrlSequencesConfig;
import org.iisdiag.facts.FilteringRuleConfig;
import org.iisdiag.facts.SampleLine;
import org.iisdiag.conclusions.FilteringRules;
import org.iisdiag.facts.ProxyConfig;
import org.iisdiag.facts.RewriteProxyRule;
import org.iisdiag.facts.UriCount;
import org.iisdiag.conclusions.ProxyAndSequences;
import org.junit.jupiter.api.Test;

/** Default documents, directory browsing, native module use, installed modules and ARR web farms. */
class IisFeatureConfigTest {

    private static List<Object> read(EvidenceReader reader, String fixture, EvidenceKind kind) throws IOException {
        ReadReport report = new ReadReport(fixture, kind);
        reader.read(fixture, "", resource("config/" + fixture), report);
        assertThat(report.failed()).isFalse();
        return reader.facts();
    }

    private static <T> List<T> of(List<Object> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void theAnonymousUserOfEachLevelAndEachGlobalModuleWithItsPrecondition() throws IOException {
        List<Object> facts = read(new ApplicationHostConfigReader(), "anonymous-user-global-modules.applicationHost.config",
                EvidenceKind.APPLICATION_HOST_CONFIG);
        List<org.iisdiag.facts.AnonymousUserConfig> users = of(facts, org.iisdiag.facts.AnonymousUserConfig.class);
        assertThat(users).extracting(u -> u.locationPath(), u -> u.userName(), u -> u.specificAccount())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("", "IUSR", false),
                        org.assertj.core.groups.Tuple.tuple("Shop", "CONTOSO\\svc-shopanon", true));
        assertThat(users.get(1).isAccount("contoso\\SVC-SHOPANON")).isTrue();
        assertThat(users.get(1).isAccount("svc-shopanon@contoso.local")).isTrue();
        assertThat(users.get(1).isAccount("CONTOSO\\svc-other")).isFalse();
        assertThat(users.get(1).logonMethod()).isEqualTo("ClearText");
        // the stored password is never read into a fact
        assertThat(facts.toString()).doesNotContain("bm90LWEtcmVhbC1zZWNyZXQ").doesNotContain("IISWASOnlyCngProvider");
        List<org.iisdiag.facts.GlobalModule> modules = of(facts, org.iisdiag.facts.GlobalModule.class);
        assertThat(modules).extracting(m -> m.name(), m -> m.hasBitness(), m -> m.imageFileName()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ManagedEngine64", true, "webengine4.dll"),
                org.assertj.core.groups.Tuple.tuple("HeaderGuardModule", false, "headerguard.dll"));
        assertThat(modules.get(1).imageNamedIn("The Module DLL C:\\Program Files\\Contoso\\HeaderGuard\\x64\\HeaderGuard.dll failed to load.")).isTrue();
        assertThat(modules.get(1).imageNamedIn("The Module DLL C:\\x\\MyHeaderGuard.dll failed to load.")).isFalse();
    }

    @Test
    void aClearDropsTheInheritedDefaultDocumentsAndWhatWasAddedBeforeIt() throws IOException {
        List<Object> facts = read(new WebConfigReader(), "static-site-cleared-defaults.web.config", EvidenceKind.WEB_CONFIG);
        List<DefaultDocumentConfig> docs = of(facts, DefaultDocumentConfig.class);
        assertThat(docs).hasSize(2);
        DefaultDocumentConfig root = docs.get(0);
        assertThat(root.locationPath()).isEmpty();
        assertThat(root.cleared()).isTrue();
        assertThat(root.files()).containsExactly("Default.aspx");
        assertThat(root.removed()).containsExactly("index.htm");
        assertThat(root.serves("index.html")).isFalse();
        assertThat(root.serves("default.ASPX")).isTrue();
        assertThat(root.serves("home.htm")).as("added before the <clear/>").isFalse();
        assertThat(root.filesText()).isEqualTo("<clear/> then Default.aspx");
        assertThat(root.source()).isEqualTo("static-site-cleared-defaults.web.config:5");

        DefaultDocumentConfig downloads = docs.get(1);
        assertThat(downloads.locationPath()).isEqualTo("downloads");
        assertThat(downloads.cleared()).isFalse();
        assertThat(downloads.enabled()).isTrue();
        assertThat(downloads.defaults()).anyMatch(d -> d.startsWith("enabled=true"));
        assertThat(downloads.serves("index.html")).isTrue();
        assertThat(downloads.serves("iisstart.htm")).as("inherited IIS default").isTrue();

        assertThat(of(facts, DirectoryBrowseConfig.class)).extracting(DirectoryBrowseConfig::locationPath,
                DirectoryBrowseConfig::enabled).containsExactly(org.assertj.core.groups.Tuple.tuple("", false),
                org.assertj.core.groups.Tuple.tuple("downloads", true));
    }

    @Test
    void aspSectionsGiveTheResponseBufferLimitWrittenOrTheDefault() throws IOException {
        ReadReport report = new ReadReport("asp-limits.applicationHost.config", EvidenceKind.APPLICATION_HOST_CONFIG);
        ApplicationHostConfigReader reader = new ApplicationHostConfigReader();
        reader.read("asp-limits.applicationHost.config", "", resource("config/asp-limits.applicationHost.config"), report);
        List<AspLimitsConfig> asp = of(reader.facts(), AspLimitsConfig.class);
        assertThat(asp).extracting(AspLimitsConfig::locationPath, AspLimitsConfig::bufferingLimitBytes).containsExactly(
                org.assertj.core.groups.Tuple.tuple("", AspLimitsConfig.DEFAULT_BUFFERING_LIMIT),
                org.assertj.core.groups.Tuple.tuple("Reports", 67_108_864L),
                org.assertj.core.groups.Tuple.tuple("Intranet", -1L));
        assertThat(asp.get(0).defaults()).singleElement().asString().startsWith("bufferingLimit=4194304 (absent");
        assertThat(asp.get(0).source()).isEqualTo("asp-limits.applicationHost.config:4");
        assertThat(asp.get(1).defaults()).isEmpty();
        assertThat(asp.get(1).source()).isEqualTo("asp-limits.applicationHost.config:11");
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("'64MB' is not a whole number"));
    }

    @Test
    void ipSecuritySaysWhetherUnlistedAddressesAreAllowedAndWhichEntriesAllow() throws IOException {
        List<Object> facts = read(new ApplicationHostConfigReader(), "ip-security.applicationHost.config",
                EvidenceKind.APPLICATION_HOST_CONFIG);
        List<IpSecurityConfig> ip = of(facts, IpSecurityConfig.class);
        assertThat(ip).hasSize(2);
        assertThat(ip.get(0).allowUnlisted()).as("absent: the IIS default").isTrue();
        assertThat(ip.get(0).enableProxyMode()).isTrue();
        assertThat(ip.get(0).defaults()).anyMatch(d -> d.startsWith("allowUnlisted=true"));
        IpSecurityConfig hr = ip.get(1);
        assertThat(hr.locationPath()).isEqualTo("HR");
        assertThat(hr.allowUnlisted()).isFalse();
        assertThat(hr.denyAction()).isEqualTo("NotFound");
        assertThat(hr.cleared()).isTrue();
        // the entry before <clear/> and the removed one are gone; an entry without allowed denies
        assertThat(hr.entries()).extracting(IpSecurityEntry::describe, IpSecurityEntry::allowed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("127.0.0.1", true),
                org.assertj.core.groups.Tuple.tuple("10.60.0.0/255.255.0.0", true),
                org.assertj.core.groups.Tuple.tuple("10.60.9.9", false),
                org.assertj.core.groups.Tuple.tuple("partner.example", true));
        assertThat(hr.allowedText()).isEqualTo("127.0.0.1, 10.60.0.0/255.255.0.0, partner.example");
        assertThat(hr.source()).isEqualTo("ip-security.applicationHost.config:11");
    }

    @Test
    void accessSslFlagsSayWhichLevelsAskForAClientCertificate() throws IOException {
        List<Object> facts = read(new ApplicationHostConfigReader(), "client-certificates.applicationHost.config",
                EvidenceKind.APPLICATION_HOST_CONFIG);
        List<AccessConfig> access = of(facts, AccessConfig.class);
        assertThat(access).extracting(AccessConfig::locationPath, AccessConfig::negotiateCert, AccessConfig::requireCert)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("", false, false),
                        org.assertj.core.groups.Tuple.tuple("Partners/api", true, true),
                        org.assertj.core.groups.Tuple.tuple("Partners/public", false, false));
        assertThat(access.get(0).defaults()).anyMatch(d -> d.startsWith("sslFlags=None"));
        assertThat(access.get(1).clientCertificates()).isTrue();
        assertThat(access.get(1).source()).isEqualTo("client-certificates.applicationHost.config:20");
        assertThat(access.get(2).clientCertificates()).isFalse();
    }

    @Test
    void aWebConfigListsTheNativeModulesItNeedsButNotManagedOnes() throws IOException {
        List<Object> facts = read(new WebConfigReader(), "static-site-cleared-defaults.web.config", EvidenceKind.WEB_CONFIG);
        assertThat(of(facts, ModuleReference.class)).extracting(ModuleReference::module, ModuleReference::section)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RewriteModule", "modules"),
                        org.assertj.core.groups.Tuple.tuple("StaticFileModule", "handlers"),
                        org.assertj.core.groups.Tuple.tuple("DefaultDocumentModule", "handlers"));
    }

    @Test
    void modulesALevelRemovesAreReadFromWebConfigAndFromLocationsOfApplicationHost() throws IOException {
        String web = "<configuration><system.webServer><modules runAllManagedModulesForAllRequests=\"false\">"
                + "<remove name=\"WebDAVModule\" /><remove name=\"\" /></modules></system.webServer></configuration>";
        WebConfigReader reader = new WebConfigReader();
        reader.read("web.config", "", new java.io.ByteArrayInputStream(web.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new ReadReport("web.config", EvidenceKind.WEB_CONFIG));
        assertThat(of(reader.facts(), org.iisdiag.facts.RemovedModule.class)).singleElement().satisfies(m -> {
            assertThat(m.module()).isEqualTo("WebDAVModule");
            assertThat(m.locationPath()).isEmpty();
            assertThat(m.defaults()).isEmpty();
            assertThat(m.describe()).isEqualTo("<modules> removes WebDAVModule (web.config:1)");
        });
        String host = "<configuration><system.applicationHost /><location path=\"Tickets\"><system.webServer><modules>"
                + "<remove name=\"WebDAVModule\" /></modules></system.webServer></location></configuration>";
        ApplicationHostConfigReader apphost = new ApplicationHostConfigReader();
        apphost.read("applicationHost.config", "", new java.io.ByteArrayInputStream(host.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new ReadReport("applicationHost.config", EvidenceKind.APPLICATION_HOST_CONFIG));
        assertThat(of(apphost.facts(), org.iisdiag.facts.RemovedModule.class))
                .extracting(org.iisdiag.facts.RemovedModule::module, org.iisdiag.facts.RemovedModule::locationPath)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("WebDAVModule", "Tickets"));
    }

    @Test
    void handlerMappingsWithAProgramOfTheirOwnAreReadWithTheirScriptProcessor() throws IOException {
        List<Object> facts = read(new WebConfigReader(), "stale-isapi-handler.web.config", EvidenceKind.WEB_CONFIG);
        List<HandlerMapping> mappings = of(facts, HandlerMapping.class);
        // the static file handler has no scriptProcessor and is not a HandlerMapping
        assertThat(mappings).extracting(HandlerMapping::name, HandlerMapping::path, HandlerMapping::modules,
                        HandlerMapping::scriptProcessor, HandlerMapping::locationPath)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PHP5-ISAPI", "*.php", "IsapiModule", "C:\\PHP\\php5isapi.dll", ""),
                        org.assertj.core.groups.Tuple.tuple("Report-CGI", "*.exe", "CgiModule", "D:\\Tools\\report.exe", "cgi-bin"));
        assertThat(mappings.get(0).source()).isEqualTo("stale-isapi-handler.web.config:5");
        assertThat(mappings.get(0).describe()).contains("PHP5-ISAPI", "C:\\PHP\\php5isapi.dll", "(stale-isapi-handler.web.config:5)");
        assertThat(mappings.get(1).describe()).contains("in <location path=\"cgi-bin\">");
    }

    @Test
    void everyHandlersSectionListsThePathsItMapsWhateverRunsThem() throws IOException {
        List<Object> facts = read(new WebConfigReader(), "stale-isapi-handler.web.config", EvidenceKind.WEB_CONFIG);
        List<HandlerPaths> sections = of(facts, HandlerPaths.class);
        assertThat(sections).extracting(HandlerPaths::mapped, HandlerPaths::locationPath, HandlerPaths::cleared)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(List.of("*.php", "*"), "", false),
                        org.assertj.core.groups.Tuple.tuple(List.of("*.exe"), "cgi-bin", false));
        // the static file handler maps "*", which is not a mapping of the extension itself
        assertThat(sections.get(0).maps(".PHP")).isTrue();
        assertThat(sections.get(0).maps(".svc")).isFalse();
        assertThat(sections.get(0).serverLevel()).isFalse();
        assertThat(sections.get(0).source()).isEqualTo("stale-isapi-handler.web.config:4");
        assertThat(sections.get(1).describe()).contains("1 mappings", "*.exe", "in <location path=\"cgi-bin\">");

        List<Object> host = read(new ApplicationHostConfigReader(), "arr-farm.applicationHost.config",
                EvidenceKind.APPLICATION_HOST_CONFIG);
        HandlerPaths server = of(host, HandlerPaths.class).get(0);
        assertThat(server.mapped()).containsExactly("*");
        assertThat(server.serverLevel()).isTrue();
    }

    @Test
    void applicationHostListsInstalledModulesAndWebFarmsWithTheArrTimeoutDefault() throws IOException {
        List<Object> facts = read(new ApplicationHostConfigReader(), "arr-farm.applicationHost.config",
                EvidenceKind.APPLICATION_HOST_CONFIG);
        GlobalModules modules = of(facts, GlobalModules.class).get(0);
        assertThat(modules.names()).containsExactly("StaticFileModule", "ApplicationRequestRouting");
        assertThat(modules.has("applicationrequestrouting")).isTrue();
        assertThat(modules.has("AspNetCoreModuleV2")).isFalse();
        // applicationHost.config's own handler mappings are not checked against its own module list
        assertThat(of(facts, ModuleReference.class)).isEmpty();

        List<WebFarmConfig> farms = of(facts, WebFarmConfig.class);
        assertThat(farms).extracting(WebFarmConfig::name).containsExactly("TimeFarm", "SlowFarm");
        WebFarmConfig time = farms.get(0);
        assertThat(time.servers()).containsExactly("192.168.0.216", "192.168.0.217");
        assertThat(time.timeoutSeconds()).isEqualTo(30);
        assertThat(time.defaults()).anyMatch(d -> d.contains("absent: the ARR default of 30 s"));
        assertThat(time.healthCheckUrl()).isEqualTo("http://time.example/ping.aspx");
        WebFarmConfig slow = farms.get(1);
        assertThat(slow.timeoutSeconds()).isEqualTo(150);
        assertThat(slow.defaults()).noneMatch(d -> d.startsWith("protocol timeout"));

        // no <serverRuntime>: the limit in force is still known, IIS's default
        assertThat(of(facts, ServerRuntimeConfig.class)).singleElement().satisfies(r -> {
            assertThat(r.appConcurrentRequestLimit()).isEqualTo(5000);
            assertThat(r.locationPath()).isEmpty();
            assertThat(r.defaults()).anyMatch(d -> d.startsWith("appConcurrentRequestLimit=5000 (absent"));
        });
    }

    @Test
    void applicationHostGivesTheConcurrentRequestLimitOfTheServerAndOfEachLocation() throws IOException {
        ReadReport report = new ReadReport("concurrent-limit.applicationHost.config", EvidenceKind.APPLICATION_HOST_CONFIG);
        ApplicationHostConfigReader reader = new ApplicationHostConfigReader();
        reader.read("concurrent-limit.applicationHost.config", "", resource("config/concurrent-limit.applicationHost.config"),
                report);
        assertThat(of(reader.facts(), ServerRuntimeConfig.class))
                .extracting(ServerRuntimeConfig::locationPath, ServerRuntimeConfig::appConcurrentRequestLimit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("", 2000L),
                        org.assertj.core.groups.Tuple.tuple("Reports", -1L));
        assertThat(report.problems()).anyMatch(p -> p.toString().contains("appConcurrentRequestLimit 'lots' is not a whole number"));
    }

    @Test
    void rewriteRulesThatSetServerVariablesAndTheAllowedListAreRead() throws IOException {
        String web = "<configuration><system.webServer><rewrite><rules>"
                + "<rule name=\"Offloaded HTTPS\"><match url=\".*\" /><serverVariables><set name=\"HTTPS\" value=\"on\" />"
                + "<set name=\"SERVER_PORT\" value=\"443\" /></serverVariables><action type=\"None\" /></rule>"
                + "<rule name=\"Again\"><match url=\".*\" /><serverVariables><set name=\"https\" value=\"on\" /></serverVariables></rule>"
                + "</rules></rewrite></system.webServer></configuration>";
        WebConfigReader reader = new WebConfigReader();
        ReadReport report = new ReadReport("web.config", EvidenceKind.WEB_CONFIG);
        reader.read("web.config", "", new java.io.ByteArrayInputStream(web.getBytes(java.nio.charset.StandardCharsets.UTF_8)), report);
        assertThat(of(reader.facts(), org.iisdiag.facts.RewriteServerVariablesConfig.class)).singleElement().satisfies(c -> {
            assertThat(c.setVariables()).containsExactly("HTTPS", "SERVER_PORT");
            assertThat(c.allowedVariables()).isEmpty();
            assertThat(c.source()).isEqualTo("web.config:1");
        });

        String host = "<configuration><system.applicationHost><sites/></system.applicationHost><system.webServer><rewrite>"
                + "<allowedServerVariables><add name=\"HTTP_X_ORIGINAL_HOST\" /><add name=\"HTTPS\" /><remove name=\"https\" />"
                + "</allowedServerVariables><globalRules /></rewrite></system.webServer></configuration>";
        ApplicationHostConfigReader apphost = new ApplicationHostConfigReader();
        ReadReport r2 = new ReadReport("applicationHost.config", EvidenceKind.APPLICATION_HOST_CONFIG);
        apphost.read("applicationHost.config", "", new java.io.ByteArrayInputStream(host.getBytes(java.nio.charset.StandardCharsets.UTF_8)), r2);
        assertThat(of(apphost.facts(), org.iisdiag.facts.RewriteServerVariablesConfig.class)).singleElement()
                .satisfies(c -> assertThat(c.allowedVariables()).containsExactly("HTTP_X_ORIGINAL_HOST"));
    }

    @Test
    void enabledOutboundRewriteRulesAreReadWithTheirPreconditionAndWhetherTheyMatchTheBody() throws IOException {
        String web = "<configuration><system.webServer><rewrite><outboundRules>"
                + "<rule name=\"Links\" preCondition=\"ResponseIsHtml1\"><match filterByTags=\"A, Img\" pattern=\"^http://back/(.*)\" />"
                + "<action type=\"Rewrite\" value=\"/app/{R:1}\" /></rule>"
                + "<rule name=\"Location\"><match serverVariable=\"RESPONSE_LOCATION\" pattern=\"(.*)\" /><action type=\"Rewrite\" value=\"x\" /></rule>"
                + "<rule name=\"Off\" enabled=\"false\"><match filterByTags=\"A\" pattern=\".*\" /></rule>"
                + "<preConditions><preCondition name=\"ResponseIsHtml1\"><add input=\"{RESPONSE_CONTENT_TYPE}\" pattern=\"^text/html\" />"
                + "</preCondition></preConditions></outboundRules></rewrite></system.webServer></configuration>";
        WebConfigReader reader = new WebConfigReader();
        ReadReport report = new ReadReport("web.config", EvidenceKind.WEB_CONFIG);
        reader.read("web.config", "", new java.io.ByteArrayInputStream(web.getBytes(java.nio.charset.StandardCharsets.UTF_8)), report);
        assertThat(of(reader.facts(), org.iisdiag.facts.RewriteOutboundRule.class))
                .extracting(org.iisdiag.facts.RewriteOutboundRule::ruleName, org.iisdiag.facts.RewriteOutboundRule::preCondition,
                        org.iisdiag.facts.RewriteOutboundRule::matchesBody)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Links", "ResponseIsHtml1", true),
                        org.assertj.core.groups.Tuple.tuple("Location", "", false));
    }

    @Test
    void applicationHostGivesEachSiteItsConnectionLimitsWithTheDefaultsItInherits() throws IOException {
        ReadReport report = new ReadReport("site-limits.applicationHost.config", EvidenceKind.APPLICATION_HOST_CONFIG);
        ApplicationHostConfigReader reader = new ApplicationHostConfigReader();
        reader.read("site-limits.applicationHost.config", "", resource("config/site-limits.applicationHost.config"), report);
        List<SiteLimitsConfig> limits = of(reader.facts(), SiteLimitsConfig.class).stream()
                .sorted(java.util.Comparator.comparingLong(SiteLimitsConfig::siteId)).toList();
        assertThat(limits).extracting(SiteLimitsConfig::siteId, SiteLimitsConfig::maxConnections,
                        SiteLimitsConfig::connectionTimeoutSeconds)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, 100L, 300L),
                        org.assertj.core.groups.Tuple.tuple(3L, SiteLimitsConfig.UNLIMITED_CONNECTIONS, 300L),
                        org.assertj.core.groups.Tuple.tuple(4L, -1L, 45L));
        assertThat(limits.get(0).limited()).isTrue();
        assertThat(limits.get(0).source()).isEqualTo("site-limits.applicationHost.config:9");
        assertThat(limits.get(0).defaults()).containsExactly("limits.connectionTimeout=00:05:00 (from siteDefaults)");
        assertThat(limits.get(1).limited()).isFalse();
        assertThat(limits.get(1).defaults()).anyMatch(d -> d.startsWith("limits.maxConnections=4294967295 (absent"));
        assertThat(limits.get(2).limited()).isFalse();
        assertThat(report.problems()).anyMatch(p -> p.toString().contains("limits.maxConnections 'many' is not a whole number"));
    }

    @Test
    void rewriteRulesToAbsoluteUrlsTheProxySwitchAndDeniedSequencesAreRead() throws IOException {
        List<Object> facts = read(new ApplicationHostConfigReader(), "rewrite-proxy-and-sequences.applicationHost.config",
                EvidenceKind.APPLICATION_HOST_CONFIG);
        List<RewriteProxyRule> rules = of(facts, RewriteProxyRule.class);
        assertThat(rules).extracting(RewriteProxyRule::ruleName).containsExactly("To the farm", "Reports");
        assertThat(rules.get(0).global()).isTrue();
        assertThat(rules.get(0).targetHost()).isEqualTo("api-farm");
        assertThat(rules.get(1).global()).isFalse();
        assertThat(rules.get(1).targetHost()).isEqualTo("rpt01.corp.local");
        assertThat(rules.get(1).locationPath()).isEqualTo("Shop");

        List<ProxyConfig> proxy = of(facts, ProxyConfig.class);
        assertThat(proxy).hasSize(1);
        assertThat(proxy.get(0).enabled()).isFalse();
        assertThat(ProxyAndSequences.arrBlocker(proxy, of(facts, GlobalModules.class))).isEqualTo("disabled");
        assertThat(ProxyAndSequences.arrBlocker(List.of(), List.of(new GlobalModules(List.of("RewriteModule"), "a", "a:1"))))
                .isEqualTo("not-installed");
        assertThat(ProxyAndSequences.arrBlocker(List.of(), List.of())).as("no globalModules: cannot tell").isEmpty();

        List<DenyUrlSequencesConfig> deny = of(facts, DenyUrlSequencesConfig.class);
        assertThat(deny).hasSize(2);
        assertThat(deny.get(0).added()).containsExactly("..", "~");
        assertThat(deny.get(1).removed()).containsExactly("~");
        List<UriCount> uris = List.of(new UriCount("/~/media/a.jpg", 40, 40), new UriCount("/a/../b", 2, 2));
        assertThat(ProxyAndSequences.deniedSequence(deny.subList(0, 1), uris)).isEqualTo("~");
        assertThat(ProxyAndSequences.deniedSequence(deny, uris)).as("the site's level removes '~'").isEqualTo("..");
    }

    @Test
    void filteringRulesAreReadAndMatchedAgainstTheRefusedQueryStrings() throws IOException {
        List<FilteringRuleConfig> rules = of(read(new WebConfigReader(), "filtering-rules.web.config", EvidenceKind.WEB_CONFIG),
                FilteringRuleConfig.class);
        assertThat(rules).extracting(FilteringRuleConfig::name).containsExactly("SqlWords", "AspOnly", "Inherited");
        assertThat(rules.get(0).scanQueryString()).isTrue();
        assertThat(rules.get(0).scanUrl()).as("the schema default").isFalse();
        assertThat(rules.get(0).appliesTo()).isEmpty();
        assertThat(rules.get(0).denyStrings()).as("<remove> drops 'drop'").containsExactly("select", "union");
        assertThat(rules.get(1).appliesTo()).containsExactly(".asp");
        assertThat(rules.get(2).removed()).isTrue();

        List<UriCount> uris = List.of(new UriCount("/search", 7, 0));
        List<SampleLine> lines = List.of(
                new SampleLine("u.log", 5, "2026-11-18 08:02:12 10.0.0.1 GET /search q=Select+Comfort 443 - 10.0.0.9 Mozilla/5.0+(X11;+Linux) - 404 19 0 1"),
                new SampleLine("u.log", 9, "2026-11-18 08:03:12 10.0.0.1 GET /search q=drop%20leaf 443 - 10.0.0.9 Mozilla/5.0 - 404 19 0 1"));
        List<FilteringRules.Match> m = FilteringRules.match(rules, lines, uris);
        assertThat(m).hasSize(1);
        assertThat(m.get(0).rule()).isEqualTo("SqlWords");
        assertThat(m.get(0).strings()).as("case-insensitive; 'drop' was removed; ';' in the user agent is not the query")
                .containsExactly("select");
        assertThat(m.get(0).queries()).containsExactly("q=Select+Comfort");
        assertThat(FilteringRules.locationPathOf(uris)).isEqualTo("search");
        assertThat(FilteringRules.match(rules, lines, List.of(new UriCount("/other", 1, 0)))).isEmpty();

        // the fix's <location> for the search page takes the rule away there, and only there
        FilteringRuleConfig sqlWords = rules.get(0);
        FilteringRuleConfig removedForSearch = new FilteringRuleConfig("SqlWords", true, false, false, false, List.of(),
                List.of(), List.of(), sqlWords.level() + 2, sqlWords.configFile(), "Shop/search", "web.config:40");
        List<Object> withFix = new java.util.ArrayList<>(rules);
        withFix.add(removedForSearch);
        assertThat(FilteringRules.match(withFix, lines, uris)).as("removed for /search").isEmpty();
        List<UriCount> products = List.of(new UriCount("/products", 3, 0));
        List<SampleLine> productLines = List.of(new SampleLine("u.log", 12,
                "2026-11-18 08:04:12 10.0.0.1 GET /products q=select+chairs 443 - 10.0.0.9 Mozilla/5.0 - 404 19 0 1"));
        assertThat(FilteringRules.match(withFix, productLines, products)).as("still in force for /products")
                .extracting(FilteringRules.Match::rule).containsExactly("SqlWords");
    }

    @Test
    void wcfEndpointsOnHttpBindingsCarryTheirBindingsQuota() throws IOException {
        List<WcfBindingConfig> b = of(read(new WebConfigReader(), "wcf-services.web.config", EvidenceKind.WEB_CONFIG),
                WcfBindingConfig.class);
        // mex and net.tcp endpoints are not HTTP message bindings
        assertThat(b).extracting(WcfBindingConfig::bindingType, WcfBindingConfig::bindingName,
                WcfBindingConfig::maxReceivedMessageSize, WcfBindingConfig::transferMode).containsExactly(
                org.assertj.core.groups.Tuple.tuple("basicHttpBinding", "Small", 65536L, "Buffered"),
                org.assertj.core.groups.Tuple.tuple("basicHttpBinding", "Large", 10485760L, "Buffered"),
                org.assertj.core.groups.Tuple.tuple("customBinding", "Soap12", 2097152L, "Streamed"),
                org.assertj.core.groups.Tuple.tuple("webHttpBinding", "", 65536L, "Buffered"));
        assertThat(b.get(0).defaultQuota()).isTrue();
        assertThat(b.get(0).source()).isEqualTo("wcf-services.web.config:6");
        assertThat(b.get(0).contract()).isEqualTo("A.IA");
        assertThat(b.get(0).label()).isEqualTo("basicHttpBinding \"Small\"");
        assertThat(b.get(1).defaultQuota()).isFalse();
        // no binding element for the default webHttpBinding: the endpoint is the source
        assertThat(b.get(3).source()).isEqualTo("wcf-services.web.config:21");
        assertThat(b.get(3).label()).isEqualTo("webHttpBinding (its default binding)");
    }

    @Test
    void wcfHostingSaysWhetherAServiceMayTakeSeveralBaseAddressesOfAScheme() throws IOException {
        List<WcfHostingConfig> h = of(read(new WebConfigReader(), "wcf-hosting.web.config", EvidenceKind.WEB_CONFIG),
                WcfHostingConfig.class);
        assertThat(h).hasSize(2);
        // <clear/> drops the filters before it, <remove> the one it names
        assertThat(h.get(0).baseAddressPrefixFilters()).containsExactly("http://svc.contoso.example/");
        assertThat(h.get(0).multipleSiteBindingsEnabled()).isFalse();
        assertThat(h.get(0).defaults()).containsExactly("multipleSiteBindingsEnabled=false (absent: the WCF default)");
        assertThat(h.get(0).source()).isEqualTo("wcf-hosting.web.config:4");
        assertThat(h.get(0).allowsSeveralBindings()).isTrue();
        assertThat(h.get(1).multipleSiteBindingsEnabled()).isTrue();
        assertThat(h.get(1).locationPath()).isEqualTo("legacy");
        // a serviceModel without the element gets WCF's default: one base address per scheme
        List<WcfHostingConfig> none = of(read(new WebConfigReader(), "wcf-services.web.config", EvidenceKind.WEB_CONFIG),
                WcfHostingConfig.class);
        assertThat(none).singleElement().satisfies(c -> {
            assertThat(c.allowsSeveralBindings()).isFalse();
            assertThat(c.source()).isEqualTo("wcf-services.web.config:3");
        });
    }

    @Test
    void aFileWithoutServicesGetsWcfsDefaultEndpointOnTheUnnamedBasicHttpBinding() throws IOException {
        List<WcfBindingConfig> b = of(read(new WebConfigReader(), "wcf-default-endpoints.web.config", EvidenceKind.WEB_CONFIG),
                WcfBindingConfig.class);
        assertThat(b).singleElement().satisfies(w -> {
            assertThat(w.bindingType()).isEqualTo("basicHttpBinding");
            assertThat(w.bindingName()).isEmpty();
            assertThat(w.contract()).isEmpty();
            assertThat(w.maxReceivedMessageSize()).isEqualTo(1048576L);
            assertThat(w.source()).isEqualTo("wcf-default-endpoints.web.config:6");
        });
    }
}
