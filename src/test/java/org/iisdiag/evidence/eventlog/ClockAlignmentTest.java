package org.iisdiag.evidence.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.Timeline;
import org.iisdiag.facts.AspNetWebEvent;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.WasEvent;
import org.junit.jupiter.api.Test;

/** Events exported in local time are placed in UTC only when the case tells their clock's offset. */
class ClockAlignmentTest {
    private static final String HEADER = "\"TimeCreated\",\"Id\",\"LevelDisplayName\",\"ProviderName\",\"MachineName\",\"Message\"\r\n";

    private static String was(String local) {
        return "\"" + local + "\",\"5011\",\"Warning\",\"Microsoft-Windows-WAS\",\"WEB01\",\"A process serving application pool"
                + " 'ShopPool' suffered a fatal communication error with the Windows Process Activation Service. The process id"
                + " was '4242'. The data field contains the error number.\"\r\n";
    }

    private static String aspNet(String local, String utc) {
        return "\"" + local + "\",\"1309\",\"Warning\",\"ASP.NET 4.0.30319.0\",\"WEB01\",\"Event code: 3005 \r\n"
                + "Event message: An unhandled exception has occurred. \r\nEvent time: " + local + " \r\n"
                + (utc.isEmpty() ? "" : "Event time (UTC): " + utc + " \r\n")
                + "Exception information: \r\n    Exception type: TimeoutException \r\n    Exception message: late\r\n\"\r\n";
    }

    /** An IIS-log-like timeline with 5xx errors in the given UTC minutes of 2025-11-04. */
    private static Timeline errorsAt(int... minutesOfDay) {
        Timeline t = new Timeline();
        for (int m : minutesOfDay) {
            t.add(LocalDateTime.of(2025, 11, 4, 0, 0).plusMinutes(m).toEpochSecond(ZoneOffset.UTC), 500);
        }
        return t;
    }

    private static int[] range(int fromMinute, int toMinute) {
        int[] r = new int[toMinute - fromMinute + 1];
        for (int i = 0; i < r.length; i++) {
            r[i] = fromMinute + i;
        }
        return r;
    }

    private record Read(EventLogReader reader, ReadReport report) {
        <T> T only(Class<T> type) {
            return reader.facts().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
        }
    }

    private static Read align(String csv, Timeline... errors) throws IOException {
        EventLogReader reader = new EventLogReader();
        ReadReport report = new ReadReport("Application.csv", EvidenceKind.EVENT_LOG_CSV);
        reader.read("Application.csv", "", new ByteArrayInputStream((HEADER + csv).getBytes(StandardCharsets.UTF_8)), report);
        reader.alignClock(List.of(errors), new ArrayList<>(List.of(report)));
        return new Read(reader, report);
    }

    @Test
    void anAspNetEventThatPrintsItsUtcTimeTellsTheOffsetOfEveryEventOfTheExport() throws IOException {
        // local 05:16 is 10:16 UTC: the machine runs at UTC-05:00, and the WAS event of the same export follows
        Read r = align(aspNet("11/4/2025 5:16:41 AM", "11/4/2025 10:16:41 AM") + was("11/4/2025 5:20:00 AM"), new Timeline());

        AspNetWebEvent a = r.only(AspNetWebEvent.class);
        assertThat(a.times().utc()).isTrue();
        assertThat(a.firstSeen()).hasToString("2025-11-04T10:16:41Z");
        assertThat(a.times().describe()).isEqualTo("2025-11-04T10:16:41Z (exported in local time, read as UTC-05:00)");
        assertThat(r.only(WasEvent.class).firstSeen()).hasToString("2025-11-04T10:20:00Z");
        assertThat(r.report().notes()).anyMatch(n -> n.startsWith("the times are read as UTC-05:00"));
    }

    @Test
    void eventsThatFallOnTheLogsErrorsAtOneOffsetOnlyAreReadAtThatOffset() throws IOException {
        // four crashes at 13:02-13:40 local; the IIS log's 5xx are at 18:00-18:45 UTC: UTC-05:00 and nothing else
        Read r = align(was("11/4/2025 1:02:10 PM") + was("11/4/2025 1:15:10 PM") + was("11/4/2025 1:29:10 PM")
                + was("11/4/2025 1:40:10 PM"), errorsAt(range(18 * 60, 18 * 60 + 45)));

        WasEvent w = r.only(WasEvent.class);
        assertThat(w.firstSeen()).hasToString("2025-11-04T18:02:10Z");
        assertThat(w.lastSeen()).hasToString("2025-11-04T18:40:10Z");
        assertThat(r.report().notes()).anyMatch(n -> n.contains("read as UTC-05:00") && n.contains("4 of the 4 events"));
    }

    @Test
    void errorsAllDayLongSingleOutNoOffsetAndTheTimesStayLocal() throws IOException {
        Read r = align(was("11/4/2025 1:02:10 PM") + was("11/4/2025 1:40:10 PM"), errorsAt(range(0, 24 * 60 - 1)));

        WasEvent w = r.only(WasEvent.class);
        assertThat(w.times().utc()).isFalse();
        assertThat(w.firstSeen()).isNull();
        assertThat(w.times().describe()).endsWith("(local time, no zone)");
        assertThat(r.report().notes()).anyMatch(n -> n.startsWith("the times are kept as local time"));
    }

    @Test
    void withoutErrorsNearTheEventsTheTimesStayLocal() throws IOException {
        Read r = align(was("11/4/2025 1:02:10 PM"), new Timeline());

        assertThat(r.only(WasEvent.class).times().utc()).isFalse();
    }

    @Test
    void equallyGoodOffsetsWithinAnHourChooseTheWholeHour() throws IOException {
        // two events a minute apart and a 30-minute burst of errors: offsets from UTC+01:30 to UTC+02:00 fit; a whole hour wins
        Read r = align(was("11/4/2025 12:10:00 PM") + was("11/4/2025 12:11:00 PM"), errorsAt(range(10 * 60 + 10, 10 * 60 + 40)));

        assertThat(r.only(WasEvent.class).firstSeen()).hasToString("2025-11-04T10:10:00Z");
    }

    @Test
    void aSingleEventIsNotAlignedWithABurstOfErrors() throws IOException {
        // one event can be made to fall on any short burst: that says nothing about the clock
        Read r = align(was("11/4/2025 3:05:00 AM"), errorsAt(range(14 * 60, 14 * 60 + 20)));

        assertThat(r.only(WasEvent.class).times().utc()).isFalse();
    }

    @Test
    void aFewEventsOfManyOnTheErrorsDoNotSetTheClock() throws IOException {
        // at UTC-05:00 two of six events fall on the burst at 20:00 UTC; the other four, hours apart, on no error
        Read r = align(was("11/4/2025 3:05:00 PM") + was("11/4/2025 3:06:00 PM") + was("11/4/2025 8:00:00 AM")
                + was("11/4/2025 9:00:00 AM") + was("11/4/2025 10:00:00 AM") + was("11/4/2025 11:00:00 AM"),
                errorsAt(range(20 * 60, 20 * 60 + 5)));

        assertThat(r.only(WasEvent.class).times().utc()).isFalse();
    }

    @Test
    void eventsExportedInUtcNeedNoAlignment() throws IOException {
        EventLogReader reader = new EventLogReader();
        ReadReport report = new ReadReport("System.xml", EvidenceKind.EVENT_LOG_XML);
        String xml = "<Events><Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
                + "<Provider Name='Microsoft-Windows-WAS'/><EventID>5011</EventID><Level>3</Level>"
                + "<TimeCreated SystemTime='2025-11-04T10:02:10.0000000Z'/><Channel>System</Channel></System>"
                + "<EventData><Data Name='AppPoolID'>ShopPool</Data><Data Name='ProcessID'>4242</Data></EventData></Event></Events>";
        reader.read("System.xml", "", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), report);
        reader.alignClock(List.of(errorsAt(range(10 * 60, 10 * 60 + 5))), List.of(report));

        assertThat(report.notes()).noneMatch(n -> n.startsWith("the times are"));
        WasEvent w = reader.facts().stream().filter(WasEvent.class::isInstance).map(WasEvent.class::cast).findFirst().orElseThrow();
        assertThat(w.firstSeen()).hasToString("2025-11-04T10:02:10Z");
        assertThat(w.times().describe()).isEqualTo("2025-11-04T10:02:10Z");
    }
}
