package org.iisdiag.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.iisdiag.conclusions.Target;
import org.iisdiag.facts.ApplicationDefinition;
import org.iisdiag.facts.ServerEnvironment;
import org.iisdiag.targets.TargetDirectory;
import org.junit.jupiter.api.Test;

/** Placeholders filled from the case: the application's folder from applicationHost.config. */
class CaseValuesTest {
    private static ApplicationDefinition app(long siteId, String site, String path, String folder) {
        return new ApplicationDefinition(site, siteId, path, "Pool", folder, "applicationHost.config", List.of(),
                "applicationHost.config:12");
    }

    private static String physicalPath(List<Object> facts, Target t) {
        CaseValues values = new CaseValues(ServerEnvironment.unknown(), List.of(), TargetDirectory.of(facts), Map.of(),
                facts);
        return values.known(t, new TreeMap<>(), List.of()).apply("physicalPath");
    }

    @Test
    void theFolderOfTheTargetsApplicationComesFromTheConfiguration() {
        List<Object> facts = List.of(app(2, "ServiceDesk", "/", "D:\\Sites\\ServiceDesk"),
                app(2, "ServiceDesk", "/api", "D:\\Sites\\ServiceDeskApi"), app(3, "Intranet", "/", "D:\\Web\\Intranet"));
        assertThat(physicalPath(facts, new Target("", 2, "ServiceDesk", "", ""))).isEqualTo("D:\\Sites\\ServiceDesk");
        assertThat(physicalPath(facts, new Target("", 2, "ServiceDesk", "/api", ""))).isEqualTo("D:\\Sites\\ServiceDeskApi");
        assertThat(physicalPath(facts, new Target("", -1, "intranet", "", ""))).isEqualTo("D:\\Web\\Intranet");
        assertThat(physicalPath(facts, new Target("", 9, "", "", ""))).as("a site the configuration does not hold").isNull();
        assertThat(physicalPath(facts, Target.CASE)).as("no site: no folder to name").isNull();
    }

    @Test
    void appcmdNamesTheTargetsApplicationBySiteAndPath() {
        List<Object> facts = List.of(app(6, "Intranet", "/", "E:\\Sites\\Intranet"),
                app(6, "Intranet", "/finreports", "E:\\Apps\\FinReports"));
        CaseValues values = new CaseValues(ServerEnvironment.unknown(), List.of(), TargetDirectory.of(facts), Map.of(), facts);
        assertThat(values.known(new Target("", 6, "Intranet", "/finreports", ""), new TreeMap<>(), List.of()).apply("appcmdApp"))
                .isEqualTo("Intranet/finreports");
        assertThat(values.known(new Target("", 6, "Intranet", "", ""), new TreeMap<>(), List.of()).apply("appcmdApp"))
                .as("the site itself is its root application").isEqualTo("Intranet/");
        assertThat(values.known(Target.CASE, new TreeMap<>(), List.of()).apply("appcmdApp")).as("no site: nothing to name").isNull();
    }

    @Test
    void aServerWideConclusionNamesTheOneSiteWhoseErrorsItRestsOn() {
        List<Object> facts = List.of(app(2, "ServiceDesk", "/", "D:\\Sites\\ServiceDesk"), app(3, "Intranet", "/", "D:\\Web\\Intranet"));
        CaseValues values = new CaseValues(ServerEnvironment.unknown(), List.of(), TargetDirectory.of(facts), Map.of(), facts);
        var serviceDesk = org.iisdiag.TestPack.iis("W3SVC2", 500, 19, 13, 40);
        var intranet = org.iisdiag.TestPack.iis("W3SVC3", 500, 19, 13, 2);
        assertThat(values.known(Target.CASE, new TreeMap<>(), List.of(serviceDesk)).apply("site")).isEqualTo("ServiceDesk");
        assertThat(values.known(Target.CASE, new TreeMap<>(), List.of(serviceDesk, intranet)).apply("site"))
                .as("errors of two sites: neither is the one").isNull();
        assertThat(values.known(new Target("", 3, "Intranet", "", ""), new TreeMap<>(), List.of(serviceDesk)).apply("site"))
                .as("the conclusion's own site comes first").isEqualTo("Intranet");
    }

    private static org.iisdiag.facts.AppPoolDefinition pool(String name, String runtime) {
        return new org.iisdiag.facts.AppPoolDefinition(name, "ApplicationPoolIdentity", false, runtime, "Integrated", false,
                1000, true, "OnDemand", true, "applicationHost.config", List.of(), "applicationHost.config:30");
    }

    private static String stack(List<Object> facts, ServerEnvironment env, Target t) {
        return new CaseValues(env, List.of(), TargetDirectory.of(facts), Map.of(), facts).known(t, new TreeMap<>(), List.of())
                .apply("stack");
    }

    @Test
    void aPoolWithNoManagedCodeRulesOutAspNet() {
        ApplicationDefinition portal = new ApplicationDefinition("Portal", 3, "/", "PortalPool", "E:\\wwwroot\\portal",
                "applicationHost.config", List.of(), "applicationHost.config:12");
        Target site = new Target("", 3, "Portal", "", "");
        List<Object> unmanaged = List.of(portal, pool("PortalPool", ""), org.iisdiag.TestPack.iis("W3SVC3", 404, 0, 2, 9, "/orders/1042"));
        assertThat(stack(unmanaged, ServerEnvironment.unknown(), site)).isEqualTo(CaseValues.NOT_ASPNET)
                .doesNotContain("aspnet;").contains("aspnetcore", "static", "other");
        // the condition of a step reads the list element by element: an ASP.NET 4.x step drops, the others stay
        org.iisdiag.knowledge.Condition aspnet = new org.iisdiag.knowledge.Condition(Map.of("stack", List.of("aspnet")), Map.of());
        org.iisdiag.knowledge.Condition spa = new org.iisdiag.knowledge.Condition(Map.of("stack", List.of("static", "other")), Map.of());
        assertThat(aspnet.evaluate(n -> CaseValues.NOT_ASPNET)).isEqualTo(org.iisdiag.knowledge.Condition.Verdict.DROP);
        assertThat(spa.evaluate(n -> CaseValues.NOT_ASPNET)).isEqualTo(org.iisdiag.knowledge.Condition.Verdict.SHOW);

        assertThat(stack(List.of(portal, pool("PortalPool", "v4.0")), ServerEnvironment.unknown(), site))
                .as("a managed pool says nothing").isNull();
        assertThat(stack(List.of(portal, pool("PortalPool", ""), org.iisdiag.TestPack.iis("W3SVC3", 404, 17, 0, 4, "/orders/list.aspx")),
                ServerEnvironment.unknown(), site)).as("ASP.NET pages requested: the app may be in the wrong pool").isNull();
        assertThat(stack(unmanaged, ServerEnvironment.unknown(), new Target("", 4, "", "", ""))).as("another site").isNull();
    }

    @Test
    void aSiteScopedConclusionNamesThePoolTheConfigurationGivesItsApplication() {
        List<Object> facts = List.of(new ApplicationDefinition("Claims", 4, "/", "ClaimsPool", "E:\\sites\\claims",
                "applicationHost.config", List.of(), "applicationHost.config:12"),
                new ApplicationDefinition("Claims", 4, "/api", "ClaimsApiPool", "E:\\sites\\claims-api",
                        "applicationHost.config", List.of(), "applicationHost.config:14"));
        CaseValues values = new CaseValues(ServerEnvironment.unknown(), List.of(), TargetDirectory.of(facts), Map.of(), facts);
        assertThat(values.known(new Target("", 4, "", "", ""), new TreeMap<>(), List.of()).apply("appPool")).isEqualTo("ClaimsPool");
        assertThat(values.known(new Target("", 4, "", "/api", ""), new TreeMap<>(), List.of()).apply("appPool"))
                .isEqualTo("ClaimsApiPool");
        assertThat(values.known(new Target("", 5, "", "", ""), new TreeMap<>(), List.of()).apply("appPool"))
                .as("a site the configuration does not hold").isNull();
        assertThat(values.known(Target.CASE, new TreeMap<>(), List.of()).apply("appPool")).isNull();
    }

    private static org.iisdiag.facts.SqlConnectionTarget sql(String name, String server, String db) {
        return new org.iisdiag.facts.SqlConnectionTarget(name, server, db, true, "web.config", "", List.of(), "web.config:" + name.length());
    }

    private static String value(List<Object> facts, String name) {
        return new CaseValues(ServerEnvironment.unknown(), List.of(), TargetDirectory.of(facts), Map.of(), facts)
                .known(Target.CASE, new TreeMap<>(), List.of()).apply(name);
    }

    @Test
    void theSqlServerIsNamedOnlyWhenTheConnectionStringsNameOne() {
        List<Object> one = List.of(sql("Orders", "tcp:SQLCLU02\\ERP,1433", "Orders"), sql("Audit", "TCP:sqlclu02\\erp,1433", "Orders"));
        assertThat(value(one, "sqlServer")).as("the first by place in the files").isEqualToIgnoringCase("tcp:SQLCLU02\\ERP,1433");
        assertThat(value(one, "sqlHost")).isEqualToIgnoringCase("SQLCLU02");
        assertThat(value(one, "database")).isEqualTo("Orders");
        List<Object> twoDatabases = List.of(sql("Orders", "SQL01", "Orders"), sql("Audit", "SQL01", "Audit"));
        assertThat(value(twoDatabases, "sqlServer")).isEqualTo("SQL01");
        assertThat(value(twoDatabases, "database")).as("which database is not known").isNull();
        assertThat(value(List.of(sql("A", "SQL01", ""), sql("B", "SQL02", "")), "sqlServer")).as("two servers: no guess").isNull();
        assertThat(value(List.of(), "sqlServer")).isNull();
    }
}
