package org.iisdiag.evidence.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iisdiag.evidence.Fixtures.resource;

import java.io.IOException;
import java.util.List;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.DynamicIpSecurityConfig;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.FileExtensionsConfig;
import org.iisdiag.facts.HandlerAccessPolicy;
import org.iisdiag.facts.HandlerMapping;
import org.iisdiag.facts.IsapiCgiRestrictionConfig;
import org.iisdiag.facts.VerbsConfig;
import org.junit.jupiter.api.Test;

/** The settings that refuse a request on purpose: handlers accessPolicy, ISAPI and CGI restrictions, file extensions. */
class RefusingSettingsConfigTest {
    private static final String FIXTURE = "refusing-settings.applicationHost.config";

    private static List<Object> read() throws IOException {
        ApplicationHostConfigReader reader = new ApplicationHostConfigReader();
        ReadReport report = new ReadReport(FIXTURE, EvidenceKind.APPLICATION_HOST_CONFIG);
        reader.read(FIXTURE, "", resource("config/" + FIXTURE), report);
        assertThat(report.failed()).isFalse();
        return reader.facts();
    }

    private static <T> List<T> of(List<Object> facts, Class<T> type) {
        return facts.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void eachLevelThatWritesAnAccessPolicyIsReadWithItsLevel() throws IOException {
        List<HandlerAccessPolicy> policies = of(read(), HandlerAccessPolicy.class);
        assertThat(policies).extracting(HandlerAccessPolicy::accessPolicy, HandlerAccessPolicy::locationPath, HandlerAccessPolicy::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Read, Script", "", 0),
                        org.assertj.core.groups.Tuple.tuple("Read", "Claims", 1));
        HandlerAccessPolicy claims = policies.get(1);
        assertThat(claims.grants("read")).isTrue();
        assertThat(claims.grants("Script")).isFalse();
        assertThat(claims.with("Script")).isEqualTo("Read, Script");
        assertThat(new HandlerAccessPolicy("Write,Read", 0, "f", "", "f:1").with("Script")).isEqualTo("Read, Script, Write");
        assertThat(claims.inApplicationHost()).isTrue();
        assertThat(claims.describe()).contains("accessPolicy=\"Read\"", "<location path=\"Claims\">", "(" + FIXTURE + ":30)");
    }

    @Test
    void dynamicIpRestrictionsAreReadWithTheirThresholdsAndProxyModeOffByDefault() throws IOException {
        DynamicIpSecurityConfig d = of(read(), DynamicIpSecurityConfig.class).get(0);
        assertThat(d.enableProxyMode()).as("absent: the IIS default").isFalse();
        assertThat(d.defaults()).anyMatch(x -> x.startsWith("enableProxyMode=false"));
        assertThat(d.rateEnabled()).isTrue();
        assertThat(d.concurrentEnabled()).as("no denyByConcurrentRequests element").isFalse();
        assertThat(d.thresholds()).isEqualTo("40 requests per 2000 ms");
        assertThat(d.denyAction()).isEqualTo("Forbidden");
        assertThat(d.locationPath()).isEqualTo("Portal");
        assertThat(d.describe()).contains("enableProxyMode=\"false\"", "<location path=\"Portal\">", FIXTURE + ":48");
    }

    @Test
    void theRestrictionListKeepsItsEntriesAndSaysWhatItRefuses() throws IOException {
        IsapiCgiRestrictionConfig r = of(read(), IsapiCgiRestrictionConfig.class).get(0);
        assertThat(r.notListedIsapisAllowed()).isFalse();
        assertThat(r.notListedCgisAllowed()).isTrue();
        assertThat(r.entries()).extracting(IsapiCgiRestrictionConfig.Entry::path)
                .as("<remove> drops the entry").doesNotContain("C:\\Old\\gone.dll").hasSize(2);
        assertThat(r.refuses("C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\aspnet_isapi.dll", false))
                .as("%windir% is expanded for the comparison").isTrue();
        assertThat(r.refusal("%windir%\\Microsoft.NET\\Framework64\\v4.0.30319\\aspnet_isapi.dll", false))
                .contains("allowed=\"false\"", "ASP.NET v4.0.30319", FIXTURE + ":6");
        assertThat(r.refuses("c:\\php\\8.1\\PHP-CGI.exe", true)).isFalse();
        assertThat(r.refuses("C:\\PHP\\8.3\\php-cgi.exe", true)).as("unlisted CGI allowed here").isFalse();
        assertThat(r.refuses("D:\\isapi\\new.dll", false)).isTrue();
        assertThat(r.refusal("D:\\isapi\\new.dll", false)).contains("no entry", "notListedIsapisAllowed");
    }

    @Test
    void fileExtensionsKeepWhatEachLevelAllowsDeniesAndRemoves() throws IOException {
        List<FileExtensionsConfig> levels = of(read(), FileExtensionsConfig.class);
        assertThat(levels).hasSize(2);
        FileExtensionsConfig server = levels.get(0);
        assertThat(server.allowUnlisted()).isFalse();
        assertThat(server.allowUnlistedSet()).isTrue();
        assertThat(server.allowed()).as("lower-cased; allowed absent means true").containsExactly(".html", ".js");
        assertThat(server.denied()).containsExactly(".json");
        FileExtensionsConfig claims = levels.get(1);
        assertThat(claims.allowUnlistedSet()).isFalse();
        assertThat(claims.allowUnlisted()).as("the IIS default when not written").isTrue();
        assertThat(claims.allowed()).containsExactly(".json");
        assertThat(claims.removed()).as("a remove of an entry this level did not add is kept").containsExactly(".json");
        assertThat(claims.level()).isEqualTo(1);
    }

    @Test
    void verbsKeepWhatEachLevelAllowsDeniesAndRemoves() throws IOException {
        List<VerbsConfig> levels = of(read(), VerbsConfig.class);
        assertThat(levels).hasSize(2);
        VerbsConfig server = levels.get(0);
        assertThat(server.allowUnlisted()).isFalse();
        assertThat(server.allowUnlistedSet()).isTrue();
        assertThat(server.allowed()).as("upper-cased; allowed absent means true").containsExactly("GET", "POST");
        assertThat(server.denied()).containsExactly("TRACE");
        VerbsConfig claims = levels.get(1);
        assertThat(claims.allowUnlistedSet()).isFalse();
        assertThat(claims.allowed()).containsExactly("PUT");
        assertThat(claims.removed()).containsExactly("DELETE");
        assertThat(claims.locationPath()).isEqualTo("Claims");
        assertThat(claims.level()).isEqualTo(1);
    }

    @Test
    void handlerMappingsKeepTheirPreCondition() throws IOException {
        HandlerMapping h = of(read(), HandlerMapping.class).get(0);
        assertThat(h.preCondition()).isEqualTo("classicMode,runtimeVersionv4.0,bitness64");
        assertThat(h.appliesTo("Classic", false, "v4.0")).isTrue();
        assertThat(h.appliesTo("Integrated", false, "v4.0")).isFalse();
        assertThat(h.appliesTo("Classic", true, "v4.0")).isFalse();
        assertThat(h.cgi()).isFalse();
    }
}
