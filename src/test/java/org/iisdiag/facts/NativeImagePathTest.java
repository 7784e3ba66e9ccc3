package org.iisdiag.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeImagePathTest {

    @Test
    void windowsAndTheDotnetRuntimeAreNotOutsideWindows() {
        assertThat(NativeImagePath.outsideWindows("C:\\Windows\\SYSTEM32\\ntdll.dll")).isFalse();
        assertThat(NativeImagePath.outsideWindows("%windir%\\System32\\inetsrv\\static.dll")).isFalse();
        assertThat(NativeImagePath.outsideWindows("%SystemRoot%\\system32\\inetsrv\\rewrite.dll")).isFalse();
        assertThat(NativeImagePath.outsideWindows("C:\\Program Files\\dotnet\\shared\\Microsoft.NETCore.App\\8.0.11\\coreclr.dll")).isFalse();
        assertThat(NativeImagePath.outsideWindows("C:\\inetpub\\images\\bin\\FastImaging.dll")).isTrue();
    }

    @Test
    void aPathWithoutDriveIsNotJudged() {
        assertThat(NativeImagePath.outsideWindows("acmeguard.dll")).isFalse();
        assertThat(NativeImagePath.fromVendor("")).isFalse();
    }

    @Test
    void microsoftsIisExtensionsAreNotAVendors() {
        assertThat(NativeImagePath.fromVendor("%ProgramFiles%\\IIS\\Application Request Routing\\requestRouter.dll")).isFalse();
        assertThat(NativeImagePath.fromVendor("C:\\Program Files\\IIS\\Asp.Net Core Module\\V2\\aspnetcorev2.dll")).isFalse();
        assertThat(NativeImagePath.fromVendor("C:\\Program Files\\Northwind\\WebShield\\x64\\wsiisagent.dll")).isTrue();
        assertThat(NativeImagePath.fromVendor("%ProgramFiles%\\Contoso Agent\\agent_iis.dll")).isTrue();
    }

    @Test
    void aGlobalModuleJudgesItsImage() {
        assertThat(new GlobalModule("WebShieldAgent", "D:\\Vendors\\WebShield\\ws.dll", "bitness64", "applicationHost.config", "x").fromVendor()).isTrue();
        assertThat(new GlobalModule("StaticFileModule", "%windir%\\System32\\inetsrv\\static.dll", "", "applicationHost.config", "x").fromVendor()).isFalse();
    }
}
