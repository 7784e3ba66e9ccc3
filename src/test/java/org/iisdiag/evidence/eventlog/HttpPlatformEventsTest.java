package org.iisdiag.evidence.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.HttpPlatformEvent;
import org.iisdiag.facts.HttpPlatformEventKind;
import org.iisdiag.facts.OtherEvent;
import org.junit.jupiter.api.Test;

class HttpPlatformEventsTest {

    private static String event(int id, int level, String time, String data) {
        return "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='HttpPlatformHandler'/>"
                + "<EventID Qualifiers='0'>" + id + "</EventID><Level>" + level + "</Level><TimeCreated SystemTime='" + time
                + "'/><Channel>Application</Channel><Computer>WEB1</Computer></System><EventData><Data>" + data
                + "</Data></EventData></Event>\n";
    }

    private static List<Object> read(String xml) throws IOException {
        EventLogReader reader = new EventLogReader();
        reader.read("Application.xml", "", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
                new ReadReport("Application.xml", EvidenceKind.EVENT_LOG_XML));
        return reader.facts();
    }

    @Test
    void startFailuresOfAProcessNeverCreatedAreOneGroupWhateverThePort() throws IOException {
        List<Object> facts = read("<Events>\n"
                + event(1000, 2, "2025-09-15T07:58:02.1Z", "Process '0' failed to start. Port = 28844, Error Code = '-2147024894'.")
                + event(1000, 2, "2025-09-15T07:58:02.3Z", "Process '0' failed to start. Port = 3038, Error Code = '-2147024894'.")
                + event(1003, 4, "2025-09-15T07:58:02.5Z", "Maximum rapid fail count per minute of '10' exceeded.")
                + event(1001, 4, "2025-09-12T16:02:11Z", "Process '4412' started successfully and is listening on port '21853'.")
                + event(1000, 2, "2025-09-16T09:00:00Z", "Process '5588' failed to start. Port = 21453, Error Code = '-2147023829'.")
                + "</Events>\n");
        List<HttpPlatformEvent> events = facts.stream().filter(HttpPlatformEvent.class::isInstance)
                .map(HttpPlatformEvent.class::cast).toList();
        assertThat(events).extracting(HttpPlatformEvent::eventId, HttpPlatformEvent::kind, HttpPlatformEvent::errorCode,
                HttpPlatformEvent::neverCreated, HttpPlatformEvent::count).containsExactlyInAnyOrder(
                tuple(1000, HttpPlatformEventKind.START_FAILURE, "0x80070002", true, 2L),
                tuple(1000, HttpPlatformEventKind.START_FAILURE, "0x8007042b", false, 1L),
                tuple(1003, HttpPlatformEventKind.RAPID_FAIL, "", false, 1L),
                tuple(1001, HttpPlatformEventKind.STARTED, "", false, 1L));
        assertThat(events).filteredOn(HttpPlatformEvent::neverCreated).singleElement()
                .satisfies(e -> assertThat(e.fileNotFound()).isTrue());
        assertThat(events).filteredOn(e -> e.errorCode().equals("0x8007042b")).singleElement()
                .satisfies(e -> assertThat(e.fileNotFound()).isFalse());
        // recognised: not counted among the other events
        assertThat(facts).noneMatch(f -> f instanceof OtherEvent o && o.provider().equals("HttpPlatformHandler"));
    }

    @Test
    void errorCodesAreReadAsSignedDecimalOrHex() {
        assertThat(HttpPlatformEvents.hresult("-2147024894")).isEqualTo("0x80070002");
        assertThat(HttpPlatformEvents.hresult("-2147024893")).isEqualTo("0x80070003");
        assertThat(HttpPlatformEvents.hresult("0x800705B4")).isEqualTo("0x800705b4");
        assertThat(HttpPlatformEvents.hresult("2")).isEqualTo("0x00000002");
        assertThat(HttpPlatformEvents.hresult("")).isEmpty();
        assertThat(HttpPlatformEvents.hresult("99999999999")).isEqualTo("0x4876e7ff");
    }

    @Test
    void theTextDecidesTheKindBeforeTheEventId() {
        assertThat(HttpPlatformEvents.kind(1002, "Could not create stdoutLogFile \\\\?\\C:\\inetpub\\logs\\stdout_1.log, ErrorCode = -2147024893."))
                .isEqualTo(HttpPlatformEventKind.STDOUT_LOG_FAILED);
        assertThat(HttpPlatformEvents.kind(1000, "something unexpected")).isEqualTo(HttpPlatformEventKind.START_FAILURE);
        assertThat(HttpPlatformEvents.kind(1003, "")).isEqualTo(HttpPlatformEventKind.RAPID_FAIL);
        assertThat(HttpPlatformEvents.kind(1007, "other text")).isEqualTo(HttpPlatformEventKind.OTHER);
    }
}
