package org.iisdiag.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.iisdiag.TestPack;
import org.iisdiag.conclusions.Target;
import org.iisdiag.facts.AncmEvent;
import org.iisdiag.facts.AncmEventKind;
import org.iisdiag.facts.AppPoolDefinition;
import org.iisdiag.facts.ApplicationDefinition;
import org.iisdiag.facts.ApplicationType;
import org.iisdiag.facts.AspNetWebEvent;
import org.iisdiag.facts.EventTimes;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.ServerEnvironment;
import org.iisdiag.facts.SiteDefinition;
import org.iisdiag.facts.SiteInfo;
import org.iisdiag.facts.Tristate;
import org.iisdiag.facts.WasEvent;
import org.junit.jupiter.api.Test;

/**
 * Resolving sites, applications and pools from every source that names them: each source names part of
 * a target and the directory fills in the rest from the others.
 */
class TargetDirectoryTest {
    private static final Instant T = Instant.parse("2025-01-09T10:00:00Z");

    static SiteDefinition site(long id, String name) {
        return new SiteDefinition(id, name, List.of("http/*:80:"), "", false, "", 50, true, "applicationHost.config",
                List.of(), "applicationHost.config:10");
    }

    static ApplicationDefinition app(String site, long siteId, String path, String pool) {
        return new ApplicationDefinition(site, siteId, path, pool, "C:\\inetpub\\" + site, "applicationHost.config",
                List.of(), "applicationHost.config:20");
    }

    static AppPoolDefinition pool(String name) {
        return new AppPoolDefinition(name, "ApplicationPoolIdentity", false, "", "Integrated", false, 1000, true,
                "OnDemand", true, "applicationHost.config", List.of(), "applicationHost.config:30");
    }

    static HttpErrCount httpErr(String server, String siteId, String queue) {
        return new HttpErrCount(server, "AppOffline", 503, siteId, queue, 5, T, T, List.of(), List.of());
    }

    static WasEvent was(String pool) {
        return new WasEvent("Microsoft-Windows-WAS", 5002, pool, "", "", "", 1, EventTimes.NONE, List.of());
    }

    static AncmEvent ancm(String application) {
        return new AncmEvent("IIS AspNetCore Module V2", 1011, AncmEventKind.PROCESS_START_FAILURE, application, "", "",
                "", "", "", "", 1, EventTimes.NONE, List.of());
    }

    static AspNetWebEvent aspnet(String account) {
        return aspnet("", account);
    }

    static AspNetWebEvent aspnet(String domain, String account) {
        return new AspNetWebEvent(1309, 3005, "An unhandled exception has occurred.", "NullReferenceException", "x",
                "http://localhost/a", "/a", "/", AspNetWebEvent.applicationOfDomain(domain), "1234", "w3wp.exe", account, 1,
                EventTimes.NONE, List.of());
    }

    /** Two sites from applicationHost.config: the default site with an /api application in its own pool. */
    private static TargetDirectory appHost() {
        return TargetDirectory.of(List.of(site(1, "Default Web Site"), site(2, "Shop"),
                app("Default Web Site", 1, "/", "DefaultAppPool"), app("Default Web Site", 1, "/api", "ApiPool"),
                app("Shop", 2, "/", "ShopPool"), pool("DefaultAppPool"), pool("ApiPool"), pool("ShopPool")));
    }

    @Test
    void aSiteByItsLogLabelNumberOrName() {
        TargetDirectory d = appHost();
        Target byLabel = d.site("W3SVC2");
        assertThat(byLabel).isEqualTo(new Target("", 2, "Shop", "", "ShopPool"));
        assertThat(d.site("w3svc2")).as("labels in any case").isEqualTo(byLabel);
        assertThat(d.site(2)).isEqualTo(byLabel);
        assertThat(d.site("2")).as("HTTPERR's s-siteid is a bare number").isEqualTo(byLabel);
        assertThat(d.site("shop")).as("an IIS site name, any case").isEqualTo(byLabel);
        // a name nobody defines stays a name; an empty label is the case
        assertThat(d.site("Intranet")).isEqualTo(new Target("", -1, "Intranet", "", ""));
        assertThat(d.site("")).isEqualTo(d.server());
    }

    @Test
    void applicationsFromEventApplicationIds() {
        TargetDirectory d = appHost();
        Target api = new Target("", 1, "Default Web Site", "/api", "ApiPool");
        // the metabase path ANCM and ASP.NET write
        assertThat(d.application("/LM/W3SVC/1/ROOT/api")).isEqualTo(api);
        assertThat(d.application("/LM/W3SVC/1/ROOT/API/")).as("paths compare ignoring case and a trailing slash")
                .extracting(Target::siteId, Target::appPool).containsExactly(1L, "ApiPool");
        // the configuration path ANCM writes in newer versions
        assertThat(d.application("MACHINE/WEBROOT/APPHOST/Default Web Site/api")).isEqualTo(api);
        assertThat(d.application("MACHINE/WEBROOT/APPHOST/Shop")).isEqualTo(d.site(2));
        // the root application is the site: one identity, so conclusions about either merge
        assertThat(d.application("/LM/W3SVC/1/ROOT")).isEqualTo(d.site(1))
                .isEqualTo(new Target("", 1, "Default Web Site", "", "DefaultAppPool"));
        // an ASP.NET application domain id, of the root and of an application
        assertThat(d.application("/LM/W3SVC/2/ROOT-1-133512345678901234")).isEqualTo(d.site(2));
        assertThat(d.application("/LM/W3SVC/1/ROOT/api-1-133807020551234567")).isEqualTo(api);
        // a '-' in an application's own name is kept
        assertThat(d.application("/LM/W3SVC/1/ROOT/orders-api").app()).isEqualTo("/orders-api");
        // an application under an unknown path takes the site's root pool
        assertThat(d.application("/LM/W3SVC/1/ROOT/legacy").appPool()).isEqualTo("DefaultAppPool");
        assertThat(d.application("something else")).isEqualTo(d.server());
        assertThat(d.application(null)).isEqualTo(d.server());
    }

    @Test
    void poolsAccountsAndThePoolsOnlySite() {
        TargetDirectory d = appHost();
        // a pool serving one site names that site; the configuration's spelling wins
        assertThat(d.pool("shoppool")).isEqualTo(new Target("", 2, "Shop", "", "ShopPool"));
        assertThat(d.account("IIS APPPOOL\\ApiPool")).isEqualTo(new Target("", 1, "Default Web Site", "", "ApiPool"));
        assertThat(d.account("iis apppool\\ApiPool").appPool()).isEqualTo("ApiPool");
        assertThat(d.account("NT AUTHORITY\\NETWORK SERVICE")).isEqualTo(d.server());
        assertThat(d.appsOf("apipool")).containsExactly("Default Web Site/api");

        // a pool two sites share names no site
        TargetDirectory shared = TargetDirectory.of(List.of(site(1, "A"), site(2, "B"), app("A", 1, "/", "Shared"),
                app("B", 2, "/", "Shared")));
        assertThat(shared.pool("Shared")).isEqualTo(new Target("", -1, "", "", "Shared"));
        assertThat(shared.appsOf("Shared")).containsExactly("A/", "B/");
        assertThat(shared.appsSharingPool(new Target("", 2, "B", "", "Shared"))).containsExactly("A/");
        assertThat(shared.appsSharingPool(new Target("", -1, "A", "", "Shared"))).as("by site name").containsExactly("B/");
        assertThat(shared.appsSharingPool(new Target("", 2, "B", "", ""))).as("pool unknown").isEmpty();
        assertThat(d.appsSharingPool(d.application("/LM/W3SVC/1/ROOT/api"))).as("alone in its pool").isEmpty();
    }

    @Test
    void envYamlNamesSitesAndTheirPoolsAndTheServer() {
        TargetDirectory d = TargetDirectory.of(List.of(
                new ServerEnvironment("WEB01", "10.0", ApplicationType.ASPNET_CORE, Tristate.YES, Tristate.NO),
                new SiteInfo(2, "Contoso Shop", "ApiAppPool", ApplicationType.ASPNET_CORE),
                new SiteInfo(3, "Intranet", "", ApplicationType.ASPNET)));
        assertThat(d.serverName()).isEqualTo("WEB01");
        assertThat(d.site("W3SVC2")).isEqualTo(new Target("", 2, "Contoso Shop", "", "ApiAppPool"));
        assertThat(d.site("W3SVC3")).isEqualTo(new Target("", 3, "Intranet", "", ""));
        assertThat(d.pool("ApiAppPool").siteId()).isEqualTo(2);
        // two sites known: the case as a whole names neither
        assertThat(d.server()).isEqualTo(Target.CASE);
    }

    @Test
    void aSingleSiteCaseFillsTheSiteOfEvidenceThatNamesNone() {
        TargetDirectory d = TargetDirectory.of(List.of(TestPack.iis("W3SVC5", 500, 0, 0, 3)));
        assertThat(d.server()).isEqualTo(new Target("", 5, "", "", ""));
        assertThat(d.of(was("UnknownPool"))).as("a pool the case does not place").isEqualTo(new Target("", 5, "", "", "UnknownPool"));
        assertThat(d.of(aspnet("NT AUTHORITY\\SYSTEM"))).isEqualTo(new Target("", 5, "", "", ""));

        // two sites in the logs: nothing is filled
        TargetDirectory two = TargetDirectory.of(List.of(TestPack.iis("W3SVC5", 500, 0, 0, 3),
                TestPack.iis("W3SVC6", 200, 0, 0, 3)));
        assertThat(two.server()).isEqualTo(Target.CASE);
        assertThat(two.of(was("UnknownPool"))).isEqualTo(new Target("", -1, "", "", "UnknownPool"));
        assertThat(two.of(aspnet("/LM/W3SVC/6/ROOT-1-133961412061234567", "IIS APPPOOL\\UnknownPool")))
                .as("an application domain places the event's pool on its site").isEqualTo(new Target("", 6, "", "", "UnknownPool"));
        // and labels that are not site labels name no site
        assertThat(TargetDirectory.of(List.of(TestPack.iis("logs", 500, 0, 0, 3))).server()).isEqualTo(Target.CASE);
    }

    @Test
    void whatEachKindOfEvidenceIsAbout() {
        List<Object> facts = new ArrayList<>(List.of(site(1, "Default Web Site"), app("Default Web Site", 1, "/", "DefaultAppPool"),
                app("Default Web Site", 1, "/api", "ApiPool"), pool("DefaultAppPool"), pool("ApiPool")));
        TargetDirectory d = TargetDirectory.of(facts);
        // HTTPERR: s-siteid and the queue (the pool) together, and the server of its folder
        assertThat(d.of(httpErr("", "1", "ApiPool"))).isEqualTo(new Target("", 1, "Default Web Site", "", "ApiPool"));
        assertThat(d.of(httpErr("WEB02", "1", ""))).isEqualTo(new Target("WEB02", 1, "Default Web Site", "", "DefaultAppPool"));
        assertThat(d.of(httpErr("", "", "ApiPool"))).as("the queue's only site")
                .isEqualTo(new Target("", 1, "Default Web Site", "", "ApiPool"));
        // the IIS log: its site label and server
        var c = TestPack.iis("W3SVC1", 500, 0, 0, 3);
        assertThat(d.of(c)).isEqualTo(new Target("", 1, "Default Web Site", "", "DefaultAppPool"));
        // events: WAS by pool, ANCM by application id, ASP.NET by the worker's account
        assertThat(d.of(was("ApiPool"))).isEqualTo(d.pool("ApiPool"));
        assertThat(d.of(was(""))).isEqualTo(d.server());
        assertThat(d.of(ancm("/LM/W3SVC/1/ROOT/api"))).isEqualTo(d.application("/LM/W3SVC/1/ROOT/api"));
        assertThat(d.of(aspnet("IIS APPPOOL\\ApiPool"))).isEqualTo(d.pool("ApiPool"));
        assertThat(d.of(aspnet("/LM/W3SVC/1/ROOT/api-1-133961412061234567", "IIS APPPOOL\\ApiPool")))
                .as("the application domain names the site and application").isEqualTo(d.application("/LM/W3SVC/1/ROOT/api"));
        // configuration facts name themselves
        assertThat(d.of(app("Default Web Site", 1, "/api", "ApiPool")))
                .isEqualTo(new Target("", 1, "Default Web Site", "/api", "ApiPool"));
        assertThat(d.of(pool("ApiPool"))).isEqualTo(d.pool("ApiPool"));
        assertThat(d.of(site(1, "Default Web Site"))).isEqualTo(d.site(1));
        assertThat(d.of("a string is no evidence")).isEqualTo(d.server());
    }

    private static org.iisdiag.facts.AccessConfig access(String configFile, String locationPath) {
        return new org.iisdiag.facts.AccessConfig("SslNegotiateCert", true, false, configFile, locationPath, List.of(),
                configFile + ":12");
    }

    @Test
    void aConfigurationLevelAppliesToTheSiteItsLocationOrFolderNames() {
        TargetDirectory d = TargetDirectory.of(List.of(site(1, "Default Web Site"), site(2, "Shop"), site(3, "HR")));
        Target hr = d.site(3);
        Target shop = d.site(2);
        assertThat(d.configApplies(access("config/applicationHost.config", "HR"), hr)).isTrue();
        assertThat(d.configApplies(access("config/applicationHost.config", "hr/api"), hr)).as("any case").isTrue();
        assertThat(d.configApplies(access("config/applicationHost.config", "Shop"), hr)).isFalse();
        assertThat(d.configApplies(access("config/applicationHost.config", ""), hr)).as("server level").isTrue();
        assertThat(d.configApplies(access("config/W3SVC3/ROOT/web.config", ""), hr)).as("the site's own folder").isTrue();
        assertThat(d.configApplies(access("config/W3SVC3/ROOT/web.config", ""), shop)).as("another site's folder").isFalse();
        assertThat(d.configApplies(access("config\\W3SVC2\\ROOT\\api\\web.config", ""), shop)).isTrue();
        assertThat(d.configApplies(access("web.config", ""), shop)).as("found on its own: may apply anywhere").isTrue();
        assertThat(d.configApplies(access("config/W3SVC3/ROOT/web.config", ""), d.server())).as("site unknown").isTrue();
    }
}
