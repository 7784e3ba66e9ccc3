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
}
