package org.iisdiag.conclusions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnhealthyIsapiTest {
    private static final String ASPNET = "ISAPI 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\aspnet_isapi.dll' "
            + "reported itself as unhealthy for the following reason: 'Deadlock detected'.";

    @Test
    void readsTheExtensionAndItsReason() {
        assertThat(UnhealthyIsapi.isReport(ASPNET)).isTrue();
        assertThat(UnhealthyIsapi.extensionPath(ASPNET)).isEqualTo("C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\aspnet_isapi.dll");
        assertThat(UnhealthyIsapi.extension(ASPNET)).isEqualTo("aspnet_isapi.dll");
        assertThat(UnhealthyIsapi.reason(ASPNET)).isEqualTo("Deadlock detected");
    }

    @Test
    void aReportWithoutAReasonHasAnEmptyOne() {
        String asp = "ISAPI 'C:\\WINDOWS\\system32\\inetsrv\\asp.dll' reported itself as unhealthy.";
        assertThat(UnhealthyIsapi.extension(asp)).isEqualTo("asp.dll");
        assertThat(UnhealthyIsapi.reason(asp)).isEqualTo("");
    }

    @Test
    void otherWorkerEventsAreNoReport() {
        String moduleLoad = "The Module DLL C:\\Windows\\system32\\inetsrv\\rewrite.dll failed to load.  The data is the error.";
        assertThat(UnhealthyIsapi.isReport(moduleLoad)).isFalse();
        assertThat(UnhealthyIsapi.extension(moduleLoad)).isEqualTo("");
        assertThat(UnhealthyIsapi.reason(moduleLoad)).isEqualTo("");
    }
}
