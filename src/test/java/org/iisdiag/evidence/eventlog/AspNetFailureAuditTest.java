package org.iisdiag.evidence.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.iisdiag.facts.AspNetWebEvent;
import org.junit.jupiter.api.Test;

/** ASP.NET's failure audit (1316) says in its event message what failed, e.g. 4009 ViewState verification. */
class AspNetFailureAuditTest {

    private static final String VIEWSTATE = """
            Event code: 4009\s
            Event message: Viewstate verification failed. Reason: The viewstate supplied failed integrity check.\s
            Event detail code: 50203\s
            \s
            Application information:\s
                Application domain: /LM/W3SVC/3/ROOT-1-134075952012345678\s
                Application Virtual Path: /\s
            \s
            Process information:\s
                Process ID: 5120\s
                Process name: w3wp.exe\s
                Account name: IIS APPPOOL\\OrdersPool\s
            \s
            Request information:\s
                Request URL: https://orders.example:443/Orders/Edit.aspx?id=4\s
                Request path: /Orders/Edit.aspx\s
            \s
            ViewStateException information:\s
                Exception message: Invalid viewstate.\s
                Path: /Orders/Edit.aspx\s
            """;

    @Test
    void theAuditIsReadAsAnAspNetWebEvent() {
        assertThat(EventAggregator.isAspNetWebEvent(1316)).isTrue();
        assertThat(EventAggregator.isAspNetWebEvent(1317)).isFalse();
    }

    @Test
    void itsReasonIsTheExceptionTextASignatureReads() {
        RawEvent e = new RawEvent("ASP.NET 4.0.30319.0", 1316, 3, "Application", null, true, VIEWSTATE, List.of(), Map.of(), "", 1);
        AspNetWebEvent a = EventAggregator.aspNet(e, VIEWSTATE);
        assertThat(a.eventCode()).isEqualTo(4009);
        assertThat(a.exceptionType()).isEqualTo("ViewStateException");
        assertThat(a.exceptionText()).startsWith(
                "ViewStateException: Viewstate verification failed. Reason: The viewstate supplied failed integrity check. Invalid viewstate.");
        assertThat(a.requestPath()).isEqualTo("/Orders/Edit.aspx");
        assertThat(a.applicationVirtualPath()).isEqualTo("/");
    }

    @Test
    void withoutRenderedTextOnlyTheInsertsCommonToEveryWebEventAreRead() {
        List<String> data = new java.util.ArrayList<>(List.of("4009",
                "Viewstate verification failed. Reason: The viewstate supplied failed integrity check.", "", "", "id",
                "5", "2", "50203", "/LM/W3SVC/3/ROOT-1-1", "Full", "/", "D:\\Sites\\Orders\\", "WEB1", "", "5120",
                "w3wp.exe", "IIS APPPOOL\\OrdersPool", "https://orders.example/Orders/Edit.aspx", "/Orders/Edit.aspx"));
        RawEvent e = new RawEvent("ASP.NET 4.0.30319.0", 1316, 3, "Application", null, true, null, data, Map.of(), "", 1);
        AspNetWebEvent a = EventAggregator.aspNet(e, "");
        assertThat(a.exceptionMessage()).isEqualTo(
                "Viewstate verification failed. Reason: The viewstate supplied failed integrity check.");
        assertThat(a.exceptionType()).isEqualTo("ViewStateException"); // event code 4009
        assertThat(a.requestPath()).isEmpty(); // a 1309's request-path insert is not the audit's
        assertThat(a.accountName()).isEqualTo("IIS APPPOOL\\OrdersPool");
    }
}
