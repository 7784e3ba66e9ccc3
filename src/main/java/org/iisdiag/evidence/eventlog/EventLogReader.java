package org.iisdiag.evidence.eventlog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;

import org.iisdiag.evidence.EvidenceReader;
import org.iisdiag.evidence.FactRedaction;
import org.iisdiag.evidence.ReadReport;

/**
 * Reads event-log exports: {@code wevtutil qe /f:xml} output (events without a root, with or without
 * RenderingInfo), Event Viewer "Save as XML" ({@code <Events>} root), {@code Get-WinEvent | Export-Csv}
 * CSV and events copied from Event Viewer as text ({@link EventViewerTextParser}), in UTF-8 (with or without
 * BOM) or UTF-16 with BOM. The format is recognised from the first character: {@code <} is XML; otherwise
 * a head with an event's text header is Event Viewer text, anything else CSV. Events from all files of a
 * case are aggregated into the facts of {@link EventAggregator}.
 *
 * <p>A document with a DOCTYPE is refused before parsing (the file fails with its line and a clear
 * message); XML that is not well-formed is rejected at the line where it breaks, the events before it
 * are used. Other files are unaffected either way.
 */
public final class EventLogReader implements EvidenceReader {
    /** How much of a text file is looked at to tell Event Viewer text from a CSV export. */
    private static final int TEXT_HEAD_CHARS = 8192;
    private final EventAggregator agg = new EventAggregator();

    /** Whether the start of a text file is events copied from Event Viewer as text (for the evidence sniffer). */
    public static boolean isEventViewerText(String head) {
        return EventViewerTextParser.recognise(head);
    }

    public EventAggregator aggregator() {
        return agg;
    }

    @Override
    public void read(String displayName, String siteHint, InputStream in, ReadReport report) throws IOException {
        long foldedBefore = agg.foldedEvents();
        BufferedReader text = new BufferedReader(TextDecoding.reader(in), 65536);
        // the format is told by the first character that is not white space, however much of it comes first
        int c;
        long blankLines = 0;
        do {
            text.mark(1);
            c = text.read();
            if (c == '\n') {
                blankLines++;
            }
        } while (c >= 0 && (Character.isWhitespace(c) || c == '\uFEFF'));
        if (c < 0) {
            report.note("empty file");
            return;
        }
        text.reset();
        if (c != '<' && eventViewerText(text)) {
            report.addLines(blankLines);
            long events = new EventViewerTextParser().parse(text, blankLines + 1, report, e -> {
                report.addEntries(1);
                agg.add(displayName, e);
            });
            if (events == 0) {
                report.note("no event with a Source: and a numeric Event ID: line");
            }
        } else if (c == '<') {
            LineCounter counted = new LineCounter(text);
            readXml(displayName, new LineBreaks(blankLines, counted), report);
            report.addLines(blankLines + counted.lines());
        } else {
            report.addLines(blankLines);
            readCsv(displayName, text, blankLines + 1, report);
        }
        if (agg.foldedEvents() > foldedBefore) {
            report.note("more than " + EventAggregator.MAX_KEYS + " distinct keys for a kind of event: further ones are"
                    + " counted as other events");
        }
    }

    /** Whether the text ahead (left unread) is events copied from Event Viewer as text rather than a CSV export. */
    private static boolean eventViewerText(BufferedReader text) throws IOException {
        char[] head = new char[TEXT_HEAD_CHARS];
        text.mark(head.length);
        int n = text.read(head, 0, head.length);
        text.reset();
        return n > 0 && EventViewerTextParser.recognise(new String(head, 0, n));
    }

    private void readXml(String file, Reader text, ReadReport report) throws IOException {
        long[] events = {0};
        EventXmlParser parser = new EventXmlParser();
        try {
            parser.parse(text, e -> {
                events[0]++;
                report.addEntries(1);
                agg.add(file, e);
            });
            if (events[0] == 0) {
                report.note("no <Event> elements: not an event-log export");
            }
        } catch (EventXmlParser.RefusedException e) {
            report.fail(file + ":" + e.line + ": " + e.getMessage());
        } catch (EventXmlParser.MalformedException e) {
            report.reject(e.line, "XML is not well-formed: " + e.getMessage());
            report.note("reading stopped at line " + e.line + " (XML is not well-formed); the " + events[0]
                    + " events before it are used");
        } finally {
            parser.noteLimits(report);
        }
    }

    private void readCsv(String file, Reader text, long firstLine, ReadReport report) throws IOException {
        try {
            new EventCsvParser().parse(text, firstLine, report, e -> {
                report.addEntries(1);
                agg.add(file, e);
            });
        } catch (EventCsvParser.NotEventCsvException e) {
            report.fail(e.getMessage());
        }
    }

    /**
     * Places the events logged in local time in UTC when the case tells their clock's offset (see
     * {@link ClockAlignment}), and says in each such file's report what was done. Call before {@link #facts}.
     */
    public void alignClock(List<org.iisdiag.evidence.Timeline> errors, List<ReadReport> reports) {
        LocalClock clock = agg.localClock();
        if (clock.isEmpty()) {
            return;
        }
        java.util.Optional<ClockAlignment> a = ClockAlignment.infer(clock, errors);
        a.ifPresent(agg::align);
        String note = a.map(x -> "the times are read as " + x.zone() + " and compared with the UTC logs: " + x.how())
                .orElse("the times are kept as local time and not compared with the UTC logs: no event states its UTC time,"
                        + " and the logs' errors do not single out one offset");
        reports.stream().filter(r -> clock.files().contains(r.file())).forEach(r -> r.note(note));
    }

    @Override
    public List<Object> facts() {
        return FactRedaction.redact(agg.facts());
    }

    /** {@code count} line breaks (the blank lines skipped before the first character), then {@code rest}. */
    private static final class LineBreaks extends Reader {
        private long count;
        private final Reader rest;

        LineBreaks(long count, Reader rest) {
            this.count = count;
            this.rest = rest;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (count == 0) {
                return rest.read(buf, off, len);
            }
            int n = (int) Math.min(len, count);
            java.util.Arrays.fill(buf, off, off + n, '\n');
            count -= n;
            return n;
        }

        @Override
        public void close() throws IOException {
            rest.close();
        }
    }

    @Override
    public List<org.iisdiag.evidence.TimelineSeries> series() {
        return agg.series();
    }

    /** Counts the line breaks that pass through, for the report's line count. */
    private static final class LineCounter extends Reader {
        private final Reader in;
        private long newlines;
        private boolean any;
        private char last;

        LineCounter(Reader in) {
            this.in = in;
        }

        long lines() {
            return !any ? 0 : last == '\n' ? newlines : newlines + 1;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            for (int i = off; i < off + n; i++) {
                any = true;
                last = buf[i];
                if (buf[i] == '\n') {
                    newlines++;
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
