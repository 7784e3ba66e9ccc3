package org.iisdiag.evidence.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.OtherEvent;
import org.iisdiag.facts.WcfWebHostEvent;
import org.junit.jupiter.api.Test;

/** WCF's WebHost events: the exception that stopped a service, from the inserts or the rendered text. */
class WcfWebHostEventsTest {
    private static final String EXCEPTION = "System.ServiceModel.ServiceActivationException: The service '/partner/OrderService.svc'"
            + " cannot be activated due to an exception during compilation.  The exception message is: This collection already"
            + " contains an address with scheme http.  There can be at most one address per scheme in this collection.\r\n"
            + "Parameter name: item. ---> System.ArgumentException: This collection already contains an address with scheme http."
            + "  There can be at most one address per scheme in this collection.\r\nParameter name: item\r\n"
            + "   at System.ServiceModel.UriSchemeKeyedCollection.InsertItem(Int32 index, Uri item)\r\n"
            + "   --- End of inner exception stack trace ---\r\n"
            + "   at System.ServiceModel.ServiceHostingEnvironment.HostingManager.EnsureServiceAvailable(String path)";

    private static String event(String provider, int id, String qualifiers, String... data) {
        StringBuilder d = new StringBuilder();
        for (String x : data) {
            d.append("<Data>").append(x.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")).append("</Data>");
        }
        return "<Events><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='" + provider
                + "'/><EventID Qualifiers='" + qualifiers + "'>" + id + "</EventID><Level>2</Level>"
                + "<TimeCreated SystemTime='2025-11-19T07:37:15.0000000Z'/><Channel>Application</Channel><Computer>WEB</Computer>"
                + "</System><EventData>" + d + "</EventData></Event></Events>";
    }

    private static List<Object> read(String xml) throws IOException {
        EventLogReader reader = new EventLogReader();
        ReadReport report = new ReadReport("Application.xml", EvidenceKind.EVENT_LOG_XML);
        reader.read("Application.xml", "", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), report);
        return reader.facts();
    }

    @Test
    void event3NamesTheServiceTheOuterAndTheInnerException() throws IOException {
        List<Object> facts = read(event("System.ServiceModel 4.0.0.0", 3, "49154",
                "System.ServiceModel.ServiceHostingEnvironment+HostingManager/36584593", EXCEPTION, "w3wp", "7316"));
        assertThat(facts).filteredOn(WcfWebHostEvent.class::isInstance).singleElement().satisfies(o -> {
            WcfWebHostEvent w = (WcfWebHostEvent) o;
            assertThat(w.service()).isEqualTo("/partner/OrderService.svc");
            assertThat(w.activationFailure()).isTrue();
            assertThat(w.exceptionType()).isEqualTo("System.ServiceModel.ServiceActivationException");
            assertThat(w.innerType()).isEqualTo("System.ArgumentException");
            assertThat(w.innerMessage()).startsWith("This collection already contains an address with scheme http. There can be")
                    .endsWith("Parameter name: item");
            // the text before the stack, whitespace folded: what the signatures read
            assertThat(w.exception()).contains("scheme http. There can be at most one address per scheme")
                    .doesNotContain("InsertItem").doesNotContain("\n");
            assertThat(w.processId()).isEqualTo("7316");
            assertThat(w.wcfVersion()).isEqualTo("4.0.0.0");
            assertThat(w.count()).isEqualTo(1);
            assertThat(w.describe()).contains("for /partner/OrderService.svc").contains("ServiceActivationException ---> ArgumentException");
        });
    }

    @Test
    void theRenderedTextOfACsvExportGivesTheSame() {
        String text = "WebHost failed to process a request.\n Sender Information: System.ServiceModel.ServiceHostingEnvironment"
                + "+HostingManager/1\n Exception: " + EXCEPTION.replace("\r\n", "\n") + "\n Process Name: w3wp\n Process ID: 4756\n";
        RawEvent e = new RawEvent("System.ServiceModel 4.0.0.0", 3, 2, "Application", null, false, text, List.of(),
                java.util.Map.of(), "", 2);
        assertThat(WcfWebHostEvents.is(e)).isTrue();
        WcfWebHostEvent w = WcfWebHostEvents.read(e, text);
        assertThat(w.service()).isEqualTo("/partner/OrderService.svc");
        assertThat(w.innerType()).isEqualTo("System.ArgumentException");
        assertThat(w.processId()).isEqualTo("4756");
        assertThat(w.exception()).doesNotContain("Process Name");
    }

    @Test
    void anExceptionWithoutInnerKeepsItsOwnMessage() {
        RawEvent e = new RawEvent("System.ServiceModel 4.0.0.0", 1, 2, "Application", null, false, null,
                List.of("System.ServiceModel.ServiceHostingEnvironment+HostingManager/1",
                        "System.InvalidOperationException: Boom happened.\n   at X.Y()", "w3wp", "12"), java.util.Map.of(), "", 2);
        WcfWebHostEvent w = WcfWebHostEvents.read(e, e.text());
        assertThat(w.exceptionType()).isEqualTo("System.InvalidOperationException");
        assertThat(w.innerType()).isEmpty();
        assertThat(w.innerMessage()).isEqualTo("Boom happened.");
        assertThat(w.service()).isEmpty();
        assertThat(w.activationFailure()).isFalse();
    }

    @Test
    void anotherCategoryOfTheSameSourceWithALowIdIsNotAWebHostEvent() throws IOException {
        // WS-AT's state machine also writes an event 1 (0xC0030001)
        List<Object> facts = read(event("System.ServiceModel 4.0.0.0", 1, "49155", "{8d1a}", "CoordinatorEnlistment", "Active",
                "System.InvalidOperationException: Operation is not valid", "msdtc", "2212"));
        assertThat(facts).noneMatch(WcfWebHostEvent.class::isInstance);
        assertThat(facts).filteredOn(OtherEvent.class::isInstance).hasSize(1);
        // and an id outside WebHost's 1-3 is never one
        assertThat(read(event("System.ServiceModel 4.0.0.0", 4, "49154", "http://+:80/", "x", EXCEPTION)))
                .noneMatch(WcfWebHostEvent.class::isInstance);
    }

    @Test
    void anExceptionIsCutBeforeItsStackAndBounded() {
        assertThat(WcfWebHostEvents.beforeStack("A: b\n  c\n   at X.Y()\nD: e")).isEqualTo("A: b c");
        assertThat(WcfWebHostEvents.beforeStack(("word ").repeat(1000))).hasSize(WcfWebHostEvents.MAX_EXCEPTION);
        assertThat(WcfWebHostEvents.beforeStack("")).isEmpty();
    }
}
