package org.iisdiag.conclusions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.iisdiag.facts.FileExtensionsConfig;
import org.iisdiag.facts.HandlerAccessPolicy;
import org.iisdiag.facts.HandlerMapping;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.TimeTakenRange;
import org.iisdiag.facts.UriCount;
import org.iisdiag.facts.VerbsConfig;
import org.junit.jupiter.api.Test;

class ConfigLevelsTest {
    private static IisStatusCount refused(int status, int substatus, String... uris) {
        return new IisStatusCount("", "W3SVC8", status, substatus, 0, uris.length, Instant.EPOCH, Instant.EPOCH,
                java.util.Arrays.stream(uris).map(u -> new UriCount(u, 1, 1)).toList(), List.of(), TimeTakenRange.NONE);
    }

    private static FileExtensionsConfig level(int level, String location, Boolean allowUnlisted, List<String> allowed,
                                              List<String> denied, List<String> removed, boolean cleared) {
        return new FileExtensionsConfig(allowUnlisted == null || allowUnlisted, allowUnlisted != null, allowed, denied, cleared,
                removed, level, level < 100 ? "applicationHost.config" : "config/W3SVC8/ROOT/web.config", location, List.of(),
                "applicationHost.config:" + (10 + level));
    }

    private static IisStatusCount verbRefused(List<String> methods, String... uris) {
        return new IisStatusCount("", "W3SVC8", 404, 6, 0, uris.length, Instant.EPOCH, Instant.EPOCH,
                java.util.Arrays.stream(uris).map(u -> new UriCount(u, 1, 1)).toList(), List.of(), TimeTakenRange.NONE,
                List.of(), methods.stream().map(m -> new UriCount(m, 1, 1)).toList());
    }

    private static VerbsConfig verbs(int level, String location, Boolean allowUnlisted, List<String> allowed,
                                     List<String> denied, List<String> removed) {
        return new VerbsConfig(allowUnlisted == null || allowUnlisted, allowUnlisted != null, allowed, denied, false, removed,
                level, "applicationHost.config", location, List.of(), "applicationHost.config:" + (20 + level));
    }

    @Test
    void verbsAreRefusedByADenialOrByAnAllowListThatLeavesThemOut() {
        VerbsConfig server = verbs(0, "", false, List.of("GET", "POST", "HEAD"), List.of("TRACE"), List.of());
        IisStatusCount error = verbRefused(List.of("OPTIONS", "PUT", "TRACE", "GET"), "/api/orders/1");
        assertThat(ConfigLevels.refusedVerbs(error, List.of(server)))
                .containsExactly(Map.entry("OPTIONS", "unlisted"), Map.entry("PUT", "unlisted"), Map.entry("TRACE", "denied"));
        String[] params = ConfigLevels.verbParams(error, List.of(server));
        Map<String, String> p = new java.util.LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put(params[i], params[i + 1]);
        }
        assertThat(p).containsEntry("verbs", "OPTIONS, PUT, TRACE").containsEntry("allowedVerbs", "GET, POST, HEAD")
                .containsEntry("verb3", "TRACE").containsEntry("denied3", "yes").containsEntry("denied1", "");
        // the site's own exception answers PUT; a location for another site does not count
        VerbsConfig site = verbs(1, "Shop", null, List.of("PUT", "OPTIONS"), List.of(), List.of());
        VerbsConfig folder = verbs(1, "Shop/admin", null, List.of("TRACE"), List.of(), List.of());
        assertThat(ConfigLevels.refusedVerbs(error, List.of(server, site, folder))).containsExactly(Map.entry("TRACE", "denied"));
    }

    @Test
    void levelsOfTheSameRankMergeInLineOrderCountedAsNumbers() {
        // two <location> elements for the same site in one file: line 100 comes after line 99 (not before, as text)
        HandlerAccessPolicy early = new HandlerAccessPolicy("Read", 1, "applicationHost.config", "Shop", "applicationHost.config:99");
        HandlerAccessPolicy late = new HandlerAccessPolicy("Read, Script", 1, "applicationHost.config", "Shop", "applicationHost.config:100");
        assertThat(ConfigLevels.accessPolicyInForce(refused(403, 1, "/app/x.aspx"), List.of(late, early))).isSameAs(late);
        assertThat(ConfigLevels.accessPolicyInForce(refused(403, 1, "/app/x.aspx"), List.of(early, late))).isSameAs(late);
        FileExtensionsConfig denies = new FileExtensionsConfig(true, false, List.of(), List.of(".json"), false, List.of(), 1,
                "applicationHost.config", "Shop", List.of(), "applicationHost.config:9");
        FileExtensionsConfig removes = new FileExtensionsConfig(true, false, List.of(), List.of(), false, List.of(".json"), 1,
                "applicationHost.config", "Shop", List.of(), "applicationHost.config:10");
        assertThat(ConfigLevels.refusedExtensions(refused(404, 7, "/a.json"), List.of(removes, denies))).isEmpty();
    }

    @Test
    void extensionsAreRefusedByADenialOrByAnAllowListThatLeavesThemOut() {
        FileExtensionsConfig server = level(0, "", false, List.of(".", ".html", ".js"), List.of(".json"), List.of(), false);
        Map<String, String> refused = ConfigLevels.refusedExtensions(
                refused(404, 7, "/assets/app-config.json?v=2", "/manifest.webmanifest", "/main.js", "/"), List.of(server));
        assertThat(refused).containsExactly(Map.entry(".json", "denied"), Map.entry(".webmanifest", "unlisted"));
    }

    @Test
    void aSiteLevelExceptionOrAnAllowUnlistedBackOnAnswersThem() {
        FileExtensionsConfig server = level(0, "", false, List.of(".html"), List.of(".json"), List.of(), false);
        FileExtensionsConfig site = level(1, "Field App", null, List.of(".json"), List.of(), List.of(".json"), false);
        assertThat(ConfigLevels.refusedExtensions(refused(404, 7, "/a.json", "/b.webmanifest"), List.of(site, server)))
                .containsExactly(Map.entry(".webmanifest", "unlisted"));
        FileExtensionsConfig open = level(100, "", true, List.of(), List.of(), List.of(), false);
        assertThat(ConfigLevels.refusedExtensions(refused(404, 7, "/a.json", "/b.webmanifest"), List.of(server, open)))
                .containsExactly(Map.entry(".json", "denied"));
        FileExtensionsConfig otherFolder = level(2, "Field App/admin", true, List.of(".webmanifest"), List.of(), List.of(), true);
        assertThat(ConfigLevels.refusedExtensions(refused(404, 7, "/b.webmanifest"), List.of(server, otherFolder)))
                .as("a folder level applies only to URLs under it").containsExactly(Map.entry(".webmanifest", "unlisted"));
    }

    @Test
    void extensionParamsNameEachExtensionWhyAndWhere() {
        FileExtensionsConfig server = level(0, "", false, List.of(".html"), List.of(".json"), List.of(), false);
        List<String> p = List.of(ConfigLevels.extensionParams(refused(404, 7, "/x.json", "/y.webmanifest"), List.of(server)));
        assertThat(p).containsSequence("extensions", ".json, .webmanifest");
        assertThat(p).containsSequence("extension1", ".json", "denied1", "yes", "extension2", ".webmanifest", "denied2", "");
        assertThat(String.join(" ", p)).contains(".json is denied by an entry with allowed=\"false\" (applicationHost.config:10)",
                ".webmanifest is not in the allow list and allowUnlisted=\"false\" (applicationHost.config:10)");
    }

    @Test
    void theAccessPolicyInForceIsTheHighestLevelThatCoversTheUrls() {
        HandlerAccessPolicy server = new HandlerAccessPolicy("Read, Script", 0, "applicationHost.config", "", "applicationHost.config:20");
        HandlerAccessPolicy site = new HandlerAccessPolicy("Read", 1, "applicationHost.config", "Claims", "applicationHost.config:40");
        HandlerAccessPolicy uploads = new HandlerAccessPolicy("Read", 2, "applicationHost.config", "Claims/uploads", "applicationHost.config:50");
        assertThat(ConfigLevels.accessPolicyInForce(refused(403, 1, "/Login.aspx", "/api/s.ashx"), List.of(server, site, uploads)))
                .isSameAs(site);
        assertThat(ConfigLevels.accessPolicyInForce(refused(403, 1, "/uploads/x.aspx"), List.of(server, site, uploads)))
                .isSameAs(uploads);
        assertThat(ConfigLevels.folder(uploads)).isEqualTo("/uploads");
        assertThat(ConfigLevels.folder(new HandlerAccessPolicy("Read", 102, "config/W3SVC4/ROOT/files/web.config", "", "x:1")))
                .isEqualTo("/files");
        List<String> p = List.of(ConfigLevels.accessPolicyParams(site, "Script", "Claims"));
        assertThat(p).containsSequence("newPolicy", "Read, Script").containsSequence("commit", "apphost")
                .containsSequence("configPath", "Claims").containsSequence("writeAndRun", "");
        HandlerAccessPolicy web = new HandlerAccessPolicy("Read, Write", 100, "config/W3SVC4/ROOT/web.config", "", "config/W3SVC4/ROOT/web.config:3");
        assertThat(List.of(ConfigLevels.accessPolicyParams(web, "Script", "Claims"))).containsSequence("commit", "")
                .containsSequence("configPath", "Claims").containsSequence("writeAndRun", "yes");
    }

    @Test
    void aHandlerMappingServesTheUrlsItsPathMatches() {
        HandlerMapping aspx = new HandlerMapping("PageHandlerFactory-ISAPI-4.0_64bit", "*.aspx", "IsapiModule", "aspnet_isapi.dll", "",
                "applicationHost.config", "", "applicationHost.config:1");
        HandlerMapping exe = new HandlerMapping("Report", "report.exe", "CgiModule", "D:\\report.exe", "", "applicationHost.config", "",
                "applicationHost.config:2");
        assertThat(ConfigLevels.mapsAny(aspx, refused(404, 2, "/", "/Reports/Monthly.ASPX"))).isTrue();
        assertThat(ConfigLevels.mapsAny(aspx, refused(404, 2, "/index.php"))).isFalse();
        assertThat(ConfigLevels.mapsAny(exe, refused(404, 2, "/bin/report.exe"))).isTrue();
        assertThat(ConfigLevels.restricted(aspx)).isTrue();
        assertThat(exe.cgi()).isTrue();
    }
}
