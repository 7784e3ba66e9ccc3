package org.iisdiag.conclusions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.iisdiag.facts.ChangeKind;
import org.iisdiag.facts.EventTimes;
import org.iisdiag.facts.OtherEvent;
import org.iisdiag.facts.ServerChange;
import org.junit.jupiter.api.Test;

class DotNetInstallsTest {
    private static OtherEvent msi(int id, String at) {
        LocalDateTime t = LocalDateTime.parse(at);
        return new OtherEvent("Application", "MsiInstaller", id, 4, 1, new EventTimes(t, t, true), List.of());
    }

    private static ServerChange install(String at, String what) {
        return new ServerChange(at == null ? null : Instant.parse(at), at == null ? "" : at, false, ChangeKind.INSTALL, what,
                "", "", "env.yaml:7");
    }

    @Test
    void theLatestInstallIsTheOneDescribed() {
        OtherEvent early = msi(1033, "2026-11-24T08:40:00");
        OtherEvent late = msi(11707, "2026-11-24T08:48:05");
        assertThat(DotNetInstalls.installText(List.of(late, early), List.of()))
                .isEqualTo("last at 2026-11-24T08:48:05Z, Windows Installer event 11707 (MsiInstaller)");
        assertThat(DotNetInstalls.installText(List.of(early), List.of(install("2026-11-24T08:45:00Z", "Hosting Bundle 8.0.11"))))
                .isEqualTo("last at 2026-11-24T08:45:00Z, the recorded change: Hosting Bundle 8.0.11");
        // an event after the recorded change is the later install: its time and its text go together
        assertThat(DotNetInstalls.installText(List.of(late), List.of(install("2026-11-24T08:45:00Z", "Hosting Bundle 8.0.11"))))
                .isEqualTo("last at 2026-11-24T08:48:05Z, Windows Installer event 11707 (MsiInstaller)");
        assertThat(DotNetInstalls.installText(List.of(), List.of(install(null, "dotnet-hosting-8.0.11-win.exe"))))
                .isEqualTo("the recorded change: dotnet-hosting-8.0.11-win.exe");
    }

    @Test
    void namesDotNetAndProcessPathFromPath() {
        assertThat(DotNetInstalls.namesDotNet("Product: Microsoft .NET 8.0.11 - Windows Server Hosting")).isTrue();
        assertThat(DotNetInstalls.namesDotNet("Product: Microsoft SQL Server 2019 CLR Types")).isFalse();
        assertThat(DotNetInstalls.fromPath(" \"dotnet.exe\" ")).isTrue();
        assertThat(DotNetInstalls.fromPath("C:\\Program Files\\dotnet\\dotnet.exe")).isFalse();
        assertThat(DotNetInstalls.notAfter(null, Instant.EPOCH)).isTrue();
        assertThat(DotNetInstalls.notAfter(Instant.EPOCH.plusSeconds(1), Instant.EPOCH)).isFalse();
    }
}
