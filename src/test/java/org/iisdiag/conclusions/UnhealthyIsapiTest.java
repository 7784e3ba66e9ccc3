package org.iisdiag.conclusions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnhealthyIsapiTest {
    private static final String ASPNET = "ISAPI 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\aspnet_isapi.dll' "
            + "reported itself as unhealthy for the following reason: 'Deadlock detected'.";

    @Test
    void readsTheExtensionAndItsReason() {
        assertTrue(UnhealthyIsapi.isReport(ASPNET));
        assertEquals("C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\aspnet_isapi.dll", UnhealthyIsapi.extensionPath(ASPNET));
        assertEquals("aspnet_isapi.dll", UnhealthyIsapi.extension(ASPNET));
        assertEquals("Deadlock detected", UnhealthyIsapi.reason(ASPNET));
    }

    @Test
    void aReportWithoutAReasonHasAnEmptyOne() {
        String asp = "ISAPI 'C:\\WINDOWS\\system32\\inetsrv\\asp.dll' reported itself as unhealthy.";
        assertEquals("asp.dll", UnhealthyIsapi.extension(asp));
        assertEquals("", UnhealthyIsapi.reason(asp));
    }

    @Test
    void otherWorkerEventsAreNoReport() {
        String moduleLoad = "The Module DLL C:\\Windows\\system32\\inetsrv\\rewrite.dll failed to load.  The data is the error.";
        assertFalse(UnhealthyIsapi.isReport(moduleLoad));
        assertEquals("", UnhealthyIsapi.extension(moduleLoad));
        assertEquals("", UnhealthyIsapi.reason(moduleLoad));
    }
}
