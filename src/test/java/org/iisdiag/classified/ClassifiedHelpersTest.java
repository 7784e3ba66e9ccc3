package org.iisdiag.classified;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.iisdiag.conclusions.Target;
import org.iisdiag.facts.EventTimes;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.UriCount;
import org.iisdiag.facts.WasEvent;
import org.iisdiag.targets.TargetDirectory;
import org.junit.jupiter.api.Test;

/** The small readings rules make of classified evidence: crash pools and triggers, HRESULTs, module names. */
class ClassifiedHelpersTest {
    private static WasEvent was(String pool) {
        return new WasEvent("Microsoft-Windows-WAS", 5011, pool, "1", "", "", 1, EventTimes.NONE, List.of());
    }

    private static HttpErrCount abandoned(String... uris) {
        List<UriCount> top = java.util.Arrays.stream(uris).map(u -> new UriCount(u, 1, 0)).toList();
        Instant t = Instant.parse("2025-12-09T10:14:22Z");
        return new HttpErrCount("", "Connection_Abandoned_By_ReqQueue", 0, "1", "ShopPool", uris.length, t, t, top, List.of());
    }

    @Test
    void theCrashedPoolIsTheOneTheWasEventsName() {
        assertThat(CrashTargets.pool(List.of(was("ShopPool"), was("ShopPool")))).isEqualTo("ShopPool");
        assertThat(CrashTargets.pool(List.of(was("ShopPool"), was("ApiPool")))).as("two pools: which one is unknown").isEmpty();
        assertThat(CrashTargets.pool(List.of(was("")))).isEmpty();
        TargetDirectory d = TargetDirectory.of(List.of());
        assertThat(CrashTargets.of(d, List.of(was("ShopPool")))).isEqualTo(new Target("", -1, "", "", "ShopPool"));
        assertThat(CrashTargets.of(d, List.of())).isEqualTo(Target.CASE);
    }

    @Test
    void thePathAbandonedAtNearlyEveryCrashIsItsTrigger() {
        HttpErrCount counts = abandoned("/catalog/garden?page=1", "/catalog/garden?page=2", "/catalog/garden", "/cart",
                "/catalog/garden?sort=asc");
        // four of five crashes dropped /catalog/garden (the query does not matter): 80%
        assertThat(CrashTargets.urlAtEveryCrash(List.of(counts), 5)).isEqualTo("/catalog/garden");
        // at fewer than 80% of the crashes it is not a trigger
        assertThat(CrashTargets.urlAtEveryCrash(List.of(counts), 6)).isEmpty();
        // once is never enough
        assertThat(CrashTargets.urlAtEveryCrash(List.of(abandoned("/cart")), 1)).isEmpty();
        assertThat(CrashTargets.urlAtEveryCrash(List.of(), 3)).isEmpty();
    }

    @Test
    void workerCrashesAreTheRuntimesAndWindowsErrorReportingsReportsOfW3wp() {
        var runtime = new org.iisdiag.facts.DotNetRuntimeCrash("w3wp.exe", "", "System.Exception", "", "", "", 1, EventTimes.NONE, List.of());
        var wer = new org.iisdiag.facts.ApplicationCrash("W3WP.EXE", "KERNELBASE.dll", "0xe0434352", "", "", 1, EventTimes.NONE, List.of());
        var other = new org.iisdiag.facts.ApplicationCrash("sqlservr.exe", "ntdll.dll", "0xc0000005", "", "", 1, EventTimes.NONE, List.of());
        assertThat(CrashTargets.isWorkerCrash(runtime)).isTrue();
        assertThat(CrashTargets.isWorkerCrash(wer)).isTrue();
        assertThat(CrashTargets.isWorkerCrash(other)).isFalse();
        assertThat(CrashTargets.isWorkerCrash("w3wp.exe")).as("not a crash report").isFalse();
    }

    @Test
    void twoCrashEventsAreOneCrashWhenSecondsApart() {
        EventTimes runtime = EventTimes.of(LocalDateTime.parse("2025-01-09T10:06:12"), true);
        EventTimes wer = EventTimes.of(LocalDateTime.parse("2025-01-09T10:06:12.500"), true);
        EventTimes later = EventTimes.of(LocalDateTime.parse("2025-01-09T10:07:02"), true);
        assertThat(CrashTargets.sameCrashes(runtime, wer)).isTrue();
        assertThat(CrashTargets.sameCrashes(wer, runtime)).isTrue();
        assertThat(CrashTargets.sameCrashes(runtime, later)).as("50 s apart: another crash").isFalse();
        assertThat(CrashTargets.sameCrashes(runtime.plus(later), wer)).as("spans that overlap").isTrue();
        assertThat(CrashTargets.sameCrashes(EventTimes.NONE, wer)).isFalse();
        assertThat(CrashTargets.sameCrashes(null, wer)).isFalse();
    }

    @Test
    void hresultsAsTheIisLogWritesThem() {
        assertThat(ErrorPages.win32("0x8007000d")).isEqualTo(13);
        assertThat(ErrorPages.win32(" 0x80070021 ")).isEqualTo(33);
        assertThat(ErrorPages.win32("0x8000ffff")).as("not a win32 HRESULT: kept whole").isEqualTo(0x8000ffffL);
        assertThat(ErrorPages.win32("13")).isZero();
        assertThat(ErrorPages.win32("0xnothex")).isZero();
        assertThat(ErrorPages.win32(null)).isZero();
    }

    @Test
    void theAspNetCoreModuleByItsNames() {
        assertThat(ModuleNames.isAspNetCoreModule("AspNetCoreModuleV2")).isTrue();
        assertThat(ModuleNames.isAspNetCoreModule("aspnetcoremodule")).isTrue();
        assertThat(ModuleNames.isAspNetCoreModule("FastCgiModule")).isFalse();
        assertThat(ModuleNames.isAspNetCoreModule(null)).isFalse();
    }

    private static org.iisdiag.facts.AccessConfig access(String location) {
        return new org.iisdiag.facts.AccessConfig("Ssl, SslNegotiateCert, SslRequireCert", true, true,
                "applicationHost.config", location, List.of(), "applicationHost.config:1");
    }

    @Test
    void theAccessLevelOfAPathIsTheDeepestLocationThatCoversIt() {
        assertThat(AccessLevels.subPath(access("Shop/api/"))).isEqualTo("/api");
        assertThat(AccessLevels.subPath(access("Shop"))).isEqualTo("/");
        assertThat(AccessLevels.subPath(access(""))).isEqualTo("/");
        assertThat(AccessLevels.covers(access("Shop/api"), "/API/orders")).isTrue();
        assertThat(AccessLevels.covers(access("Shop/api"), "/api")).isTrue();
        assertThat(AccessLevels.covers(access("Shop/api"), "/apidocs")).as("a prefix of a segment is not below it").isFalse();
        assertThat(AccessLevels.covers(access("Shop/api/partner"), "/api/orders")).isFalse();
        assertThat(AccessLevels.covers(access("Shop"), "/api/orders")).isTrue();
        assertThat(AccessLevels.covers(access("Shop/api"), "")).as("an unknown path").isTrue();
        assertThat(AccessLevels.depth(access("Shop"))).isZero();
        assertThat(AccessLevels.depth(access("Shop/api/partner"))).isEqualTo(2);
        assertThat(AccessLevels.appcmdPath(access("Shop/api"), "Shop")).isEqualTo("Shop/api");
        assertThat(AccessLevels.appcmdPath(access(""), "Shop")).isEqualTo("Shop/");
    }

    @Test
    void theProgramOfAScriptProcessorWithoutQuotesOrArguments() {
        assertThat(FastCgiPrograms.executable("C:\\Program Files\\PHP\\v8.3\\php-cgi.exe")).isEqualTo("C:\\Program Files\\PHP\\v8.3\\php-cgi.exe");
        assertThat(FastCgiPrograms.executable("\"C:\\Python 3\\python.exe\"|C:\\app\\wfastcgi.py")).isEqualTo("C:\\Python 3\\python.exe");
        assertThat(FastCgiPrograms.executable("\"C:\\Python 3\\python.exe\" -u %s %s")).isEqualTo("C:\\Python 3\\python.exe");
        assertThat(FastCgiPrograms.executable("C:\\Perl64\\bin\\perl.exe %s %s")).isEqualTo("C:\\Perl64\\bin\\perl.exe");
        assertThat(FastCgiPrograms.executable("%windir%\\system32\\inetsrv\\asp.dll")).isEqualTo("%windir%\\system32\\inetsrv\\asp.dll");
        assertThat(FastCgiPrograms.executable("")).isEmpty();
        assertThat(FastCgiPrograms.folder("C:\\Perl64\\bin\\perl.exe %s %s")).isEqualTo("C:\\Perl64\\bin");
        assertThat(FastCgiPrograms.folder("php-cgi.exe")).isEqualTo("php-cgi.exe");
    }

    @Test
    void aFastCgiMappingRunsTheProgramAnEventNamesByFileName() {
        assertThat(FastCgiPrograms.fileName("C:\\Program Files\\PHP\\v8.3\\php-cgi.exe")).isEqualTo("php-cgi.exe");
        assertThat(FastCgiPrograms.fileName("\"C:\\Python\\python.exe\"|C:\\app\\wfastcgi.py")).isEqualTo("python.exe");
        assertThat(FastCgiPrograms.runs("C:\\PHP\\PHP-CGI.EXE", "php-cgi.exe")).isTrue();
        assertThat(FastCgiPrograms.runs("C:\\PHP\\php-cgi.exe", "php.exe")).isFalse();
        var php = new org.iisdiag.facts.ApplicationPopup("php-cgi.exe", "php-cgi.exe - System Error", "m", "VCRUNTIME140.dll", 1,
                EventTimes.NONE, List.of());
        var other = new org.iisdiag.facts.ApplicationPopup("sqlcmd.exe", "", "m", "msodbcsql17.dll", 1, EventTimes.NONE, List.of());
        assertThat(FastCgiPrograms.popupOf(List.of(other, php), "C:\\Program Files\\PHP\\v8.3\\php-cgi.exe")).isSameAs(php);
        assertThat(FastCgiPrograms.popupOf(List.of(other), "C:\\PHP\\php-cgi.exe")).as("another program's popup").isNull();
    }

    @Test
    void theKeyRingRulePicksThePoolOfItsTargetOrTheOnlyOne() {
        var portal = new org.iisdiag.facts.AppPoolDefinition("Portal", "ApplicationPoolIdentity", false, "", "Integrated", false,
                1000, true, "OnDemand", true, false, org.iisdiag.facts.Tristate.NO, "applicationHost.config", List.of(), "applicationHost.config:3");
        var api = new org.iisdiag.facts.AppPoolDefinition("Api", "ApplicationPoolIdentity", false, "", "Integrated", false,
                1000, true, "OnDemand", true, false, org.iisdiag.facts.Tristate.NO, "applicationHost.config", List.of(), "applicationHost.config:4");
        assertThat(KeyRings.poolOf(List.of(portal, api), new Target("", 2, "Portal", "", "Portal"))).isSameAs(portal);
        assertThat(KeyRings.poolOf(List.of(portal, api), new Target("", 0, "", "", ""))).as("which one is not known").isNull();
        assertThat(KeyRings.poolOf(List.of(api), new Target("", 0, "", "", ""))).isSameAs(api);
        assertThat(KeyRings.poolOf(List.of(api), new Target("", 2, "Portal", "", "Portal"))).as("the target's pool has its profile").isNull();
        assertThat(KeyRings.servedBy(new Target("", 2, "Portal", "", "Portal"), List.of(portal))).isTrue();
        assertThat(KeyRings.servedBy(new Target("", 4, "Shop", "", "ShopPool"), List.of(portal))).isFalse();
        assertThat(KeyRings.servedBy(new Target("", 4, "Shop", "", "ShopPool"), List.of())).isTrue();
        assertThat(KeyRings.message("warn: Microsoft.AspNetCore.DataProtection.Repositories.EphemeralXmlRepository[50] Using an"
                + " in-memory repository.")).isEqualTo("Using an in-memory repository.");
        assertThat(KeyRings.message("Using an in-memory repository.")).isEqualTo("Using an in-memory repository.");
    }

    @Test
    void theClientsOfRefused400sBusiestFirstAcrossReasons() {
        Instant t = Instant.parse("2025-11-12T09:15:41Z");
        org.iisdiag.knowledge.HttpErrReason header = new org.iisdiag.knowledge.HttpErrReason("Header", 400, "",
                org.iisdiag.knowledge.Triage.CONTEXT, "", "httpsys-malformed-requests", org.iisdiag.conclusions.Certainty.POSSIBLE, false);
        HttpErrCount a = new HttpErrCount("", "Header", 400, "", "", 24, t, t, List.of(), List.of(), null, 0,
                List.of(new UriCount("198.51.100.23", 14, 0), new UriCount("198.51.100.24", 10, 0)));
        HttpErrCount b = new HttpErrCount("", "BadRequest", 400, "", "", 5, t, t, List.of(), List.of(), null, 0,
                List.of(new UriCount("198.51.100.24", 5, 0)));
        List<Object> rejections = List.of(new HttpSysRejection(a, header, Target.CASE), new HttpSysRejection(b, header, Target.CASE));
        assertThat(HttpSysText.clients(rejections)).isEqualTo("198.51.100.24 (15), 198.51.100.23 (14)");
        assertThat(HttpSysText.clients(List.of())).isEmpty();
    }

    @Test
    void undeclaredSectionIsTheSectionNamedByMissingSectionDeclaration() {
        assertThat(ErrorPages.undeclaredSection("\\\\?\\D:\\sites\\portal\\web.config ( 14) :The configuration section "
                + "'applicationInitialization' cannot be read because it is missing a section declaration"))
                .isEqualTo("applicationInitialization");
        assertThat(ErrorPages.undeclaredSection("THE CONFIGURATION SECTION 'ipSecurity' CANNOT BE READ BECAUSE IT IS MISSING A SECTION DECLARATION "))
                .isEqualTo("ipSecurity");
        assertThat(ErrorPages.undeclaredSection("Cannot read configuration file because it exceeds the maximum file size"))
                .as("0x80070032 for the file's size names no section").isEmpty();
        assertThat(ErrorPages.undeclaredSection("The configuration section 'rewrite' cannot be read because it is missing schema"))
                .as("a missing schema is another message").isEmpty();
        assertThat(ErrorPages.undeclaredSection(null)).isEmpty();
    }
}
