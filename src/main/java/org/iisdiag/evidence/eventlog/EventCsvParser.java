package org.iisdiag.evidence.eventlog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.iisdiag.evidence.Limits;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.text.CsvFieldCapReader;

/**
 * Reads {@code Get-WinEvent ... | Export-Csv} output (and the older {@code Get-EventLog} columns): an
 * optional {@code #TYPE ...} first line, a header, one record per event with the rendered text in
 * {@code Message} (multi-line, quoted). Event Viewer's "Save All Events As" CSV is read too: its header
 * is {@code Level,Date and Time,Source,Event ID,Task Category}, the level is a name, and the description
 * is a last column the header does not name. {@code TimeCreated} is the exporting machine's local time in its
 * culture's format, without a zone: kept as local time (month-first is assumed when the day and month
 * are both 12 or less).
 */
final class EventCsvParser {
    static final List<String> ID = List.of("Id", "EventID", "EventId", "Event ID");
    static final List<String> PROVIDER = List.of("ProviderName", "Source");
    static final List<String> CHANNEL = List.of("LogName", "ContainerLog");
    static final List<String> TIME = List.of("TimeCreated", "TimeGenerated", "TimeWritten", "Date and Time");
    static final List<String> MESSAGE = List.of("Message", "Description");
    static final List<String> LEVEL = List.of("Level");
    static final List<String> PID = List.of("ProcessId");
    static final List<String> MACHINE = List.of("MachineName");

    private static final List<DateTimeFormatter> TIME_FORMATS = List.of(
            fmt("M/d/yyyy h:mm:ss a"), fmt("M/d/yyyy H:mm:ss"), fmt("d/M/yyyy h:mm:ss a"), fmt("d/M/yyyy H:mm:ss"),
            fmt("d.M.yyyy H:mm:ss"), fmt("yyyy-MM-dd H:mm:ss"), fmt("yyyy/MM/dd H:mm:ss"),
            DateTimeFormatter.ISO_LOCAL_DATE_TIME);

    private static DateTimeFormatter fmt(String p) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.US);
    }

    /** The CSV could not be used at all (not an event export). */
    static final class NotEventCsvException extends Exception {
        private static final long serialVersionUID = 1L;

        NotEventCsvException(String message) {
            super(message);
        }
    }

    /**
     * Reads the records of {@code text}, whose first line is line {@code firstLine} of the file (blank lines
     * before it were skipped by the caller).
     */
    long parse(Reader text, long firstLine, ReadReport report, Consumer<RawEvent> sink)
            throws IOException, NotEventCsvException {
        BufferedReader raw = new BufferedReader(text, 65536);
        long offset = firstLine - 1;
        // "#TYPE ..." first line: only its first character is looked at before deciding, so a line of any
        // length works (a mark over the whole line failed past 8 KiB)
        raw.mark(1);
        int c = raw.read();
        if (c < 0) {
            report.note("empty file");
            return 0;
        }
        if (c == '#') {
            for (c = raw.read(); c >= 0 && c != '\n'; c = raw.read()) {
                // skipped
            }
            offset++;
            report.addLines(1);
        } else {
            raw.reset();
        }
        CsvFieldCapReader in = new CsvFieldCapReader(raw, Limits.CSV_FIELD_CHARS, Limits.CSV_FIELDS);
        try {
            return records(in, offset, report, sink);
        } finally {
            if (in.truncatedFields() > 0) {
                report.note(Limits.note("csv-field-chars", Limits.CSV_FIELD_CHARS, Limits.number(in.truncatedFields())
                        + " fields longer than that were cut to their first characters (the first at line "
                        + (offset + in.firstTruncatedLine()) + ")"));
            }
            if (in.truncatedRecords() > 0) {
                report.note(Limits.note("csv-fields", Limits.CSV_FIELDS, Limits.number(in.truncatedRecords())
                        + " records with more fields than that had the rest dropped"));
            }
        }
    }

    private long records(CsvFieldCapReader in, long offset, ReadReport report, Consumer<RawEvent> sink)
            throws IOException, NotEventCsvException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).setIgnoreHeaderCase(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL).get();
        long events = 0;
        try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
            Map<String, Integer> header = parser.getHeaderMap();
            String id = column(header, ID);
            String provider = column(header, PROVIDER);
            if (id == null || provider == null) {
                throw new NotEventCsvException("not a Get-WinEvent CSV export: the header has no "
                        + (id == null ? "Id" : "ProviderName") + " column");
            }
            String channel = column(header, CHANNEL);
            String time = column(header, TIME);
            String message = column(header, MESSAGE);
            int unnamedText = message == null ? header.size() : -1; // Event Viewer's description column
            String level = column(header, LEVEL);
            String pid = column(header, PID);
            String machine = column(header, MACHINE);
            report.note("Get-WinEvent CSV times are the local time of the exporting machine, without a zone");
            long lastEnd = parser.getCurrentLineNumber(); // lines consumed by the header
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                long start = offset + in.inputLine(lastEnd + 1);
                CSVRecord rec;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    rec = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
                    report.reject(start, "malformed CSV: " + why);
                    report.note("reading stopped at line " + start + " (malformed CSV); the events before it are used");
                    break;
                }
                lastEnd = parser.getCurrentLineNumber();
                String idText = get(rec, id);
                int eventId = EventXmlParser.parseInt(idText, -1);
                String prov = get(rec, provider);
                if (eventId < 0 || prov.isEmpty()) {
                    report.reject(start, eventId < 0 ? "event id '" + cap(idText) + "' is not a number" : "no provider name");
                    continue;
                }
                String t = get(rec, time);
                LocalDateTime when = parseTime(t);
                if (when == null && !t.isEmpty()) {
                    report.note("unreadable TimeCreated values (e.g. '" + cap(t) + "'): those events have no time");
                }
                events++;
                String text = unnamedText >= 0 && rec.size() > unnamedText ? rec.get(unnamedText).trim() : get(rec, message);
                sink.accept(new RawEvent(prov, eventId, level(get(rec, level)), get(rec, channel),
                        when, false, capText(text), List.of(), Map.of(), get(rec, pid), start,
                        machine == null ? "" : get(rec, machine)));
            }
            report.addLines(in.inputLine(lastEnd + 1) - 1);
        }
        return events;
    }

    /** A numeric Level, or Event Viewer's name for one. */
    private static int level(String value) {
        int n = EventXmlParser.parseInt(value, -1);
        return n >= 0 ? n : EventViewerTextParser.level(value);
    }

    private static String column(Map<String, Integer> header, List<String> names) {
        for (String h : header.keySet()) {
            for (String n : names) {
                if (h.trim().equalsIgnoreCase(n)) {
                    return h;
                }
            }
        }
        return null;
    }

    private static String get(CSVRecord rec, String column) {
        if (column == null || !rec.isSet(column)) {
            return "";
        }
        String v = rec.get(column);
        return v == null ? "" : v.trim();
    }

    static LocalDateTime parseTime(String t) {
        if (t.isEmpty()) {
            return null;
        }
        for (DateTimeFormatter f : TIME_FORMATS) {
            try {
                return LocalDateTime.parse(t, f);
            } catch (DateTimeParseException e) {
                // try the next culture's format
            }
        }
        return null;
    }

    private static String capText(String s) {
        return s.length() > EventXmlParser.MAX_TEXT ? s.substring(0, EventXmlParser.MAX_TEXT) : s;
    }

    private static String cap(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
