package org.iisdiag.evidence.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.iisdiag.evidence.TextReads;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.WatchedFolderFileSetting;
import org.junit.jupiter.api.Test;

/** web.config settings that make the application write inside bin or an App_ folder (ASP.NET restarts at each write). */
class WatchedFolderFileSettingTest {

    private static List<WatchedFolderFileSetting> read(String xml) throws IOException {
        WebConfigReader reader = new WebConfigReader();
        assertThat(TextReads.read(reader, EvidenceKind.WEB_CONFIG, "web.config", xml).failed()).isFalse();
        return reader.facts().stream().filter(WatchedFolderFileSetting.class::isInstance).map(WatchedFolderFileSetting.class::cast).toList();
    }

    @Test
    void logFilesUnderBinOrAnAppFolderAreRead() throws IOException {
        List<WatchedFolderFileSetting> found = read("""
                <configuration>
                  <log4net><appender name="F"><file value="bin\\Logs\\app.log" /></appender></log4net>
                  <nlog><targets><target name="f" fileName="${basedir}/App_Code/trace.txt" /></targets></nlog>
                  <system.diagnostics><sharedListeners><add name="t" initializeData="~/bin/trace.svclog" /></sharedListeners></system.diagnostics>
                </configuration>
                """);
        assertThat(found).extracting(WatchedFolderFileSetting::folder, WatchedFolderFileSetting::element,
                WatchedFolderFileSetting::attribute).containsExactly(
                org.assertj.core.groups.Tuple.tuple("bin", "log4net/appender/file", "value"),
                org.assertj.core.groups.Tuple.tuple("App_Code", "nlog/targets/target", "fileName"),
                org.assertj.core.groups.Tuple.tuple("bin", "system.diagnostics/sharedListeners/add", "initializeData"));
        assertThat(found.get(0).describe()).contains("bin\\Logs\\app.log", "(web.config:2)");
    }

    @Test
    void whatTheApplicationReadsAndPathsOutsideTheWatchedFoldersAreNot() throws IOException {
        assertThat(read("""
                <configuration>
                  <log4net><appender name="F"><file value="D:\\Logs\\app.log" /></appender></log4net>
                  <nlog><targets><target name="f" fileName="${basedir}/App_Data/logs/x.txt" /></targets></nlog>
                  <runtime><assemblyBinding><probing privatePath="bin;bin\\x64" /></assemblyBinding></runtime>
                  <appSettings><add key="LogFolder" value="bin\\logs" /></appSettings>
                  <system.webServer><defaultDocument><files><add value="binder.aspx" /></files></defaultDocument></system.webServer>
                </configuration>
                """)).isEmpty();
    }
}
