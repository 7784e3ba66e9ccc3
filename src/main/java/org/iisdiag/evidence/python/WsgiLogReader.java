package org.iisdiag.evidence.python;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.evidence.EvidenceReader;
import org.iisdiag.evidence.Limits;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.Redactor;
import org.iisdiag.evidence.Tally;
import org.iisdiag.evidence.eventlog.TextDecoding;
import org.iisdiag.evidence.text.BoundedLineReader;
import org.iisdiag.facts.SampleLine;
import org.iisdiag.facts.WsgiHandlerError;

/**
 * Reads wfastcgi's log (the file its {@code WSGI_LOG} app setting names) into {@link WsgiHandlerError}s. Each
 * entry begins with Python's {@code datetime.now()} ("2025-06-12 09:14:03.120000: text", the server's local
 * time, kept as UTC). An error entry is "Error occurred while reading WSGI handler:" (or another stage) followed
 * by a traceback and "StdOut:"/"StdErr:"; its cause is the last exception line of the traceback (an import
 * error wfastcgi wrapped in "ValueError: "x" could not be imported: Traceback ..." comes after the wrapper).
 * wfastcgi's own start, stop and "Unhandled exception" lines are counted, not kept. At most {@link #MAX_KEYS}
 * distinct errors are kept.
 */
public final class WsgiLogReader implements EvidenceReader {
    public static final int MAX_KEYS = 50;
    static final int MAX_MESSAGE = 400;

    private static final Pattern ENTRY = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,6})?): (.*)$");
    /** The stage wfastcgi names before the traceback: "Error occurred while reading WSGI handler:". */
    private static final Pattern STAGE = Pattern.compile("^(Error occurred[^:]{0,120}):\\s*$");
    /** An exception line of a traceback, not indented: "ModuleNotFoundError: No module named 'django'". */
    private static final Pattern EXCEPTION = Pattern.compile("^([A-Za-z_][\\w.]{0,120}(?:Error|Exception|Exit)):\\s?(.*)$");
    private static final Pattern WFASTCGI_FRAME = Pattern.compile("^\\s*File \"([^\"]{1,400}wfastcgi\\.py)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_IMPORTED = Pattern.compile("\"([^\"]{1,300})\" could not be imported");

    private record Key(String stage, String exception, String message, String handler, String wfastcgiPath) {
    }

    /** The error entry being read: its stage, time and first line, and what its traceback said so far. */
    private static final class Block {
        final String stage;
        final Instant at;
        final SampleLine sample;
        String exception = "";
        String message = "";
        String handler = "";
        String wfastcgiPath = "";
        boolean ended;

        Block(String stage, Instant at, SampleLine sample) {
            this.stage = stage;
            this.at = at;
            this.sample = sample;
        }

        void add(String line) {
            if (ended || line.startsWith("StdOut:")) {
                ended = true;
                return;
            }
            Matcher frame = WFASTCGI_FRAME.matcher(line);
            if (wfastcgiPath.isEmpty() && frame.find()) {
                wfastcgiPath = frame.group(1);
            }
            Matcher x = EXCEPTION.matcher(line);
            if (x.matches()) {
                exception = x.group(1).substring(x.group(1).lastIndexOf('.') + 1);
                message = x.group(2).strip();
                Matcher named = NOT_IMPORTED.matcher(message);
                if (handler.isEmpty() && named.find()) {
                    handler = named.group(1);
                }
            }
        }
    }

    private final Map<Key, Tally> errors = new LinkedHashMap<>();
    private boolean folded;

    @Override
    public void read(String displayName, String siteHint, InputStream in, ReadReport report) throws IOException {
        long entries = 0;
        try (BoundedLineReader r = new BoundedLineReader(TextDecoding.reader(in), Limits.LOG_LINE_CHARS)) {
            String line;
            long no = 0;
            Block block = null;
            while ((line = r.readLine()) != null) {
                no++;
                Matcher m = ENTRY.matcher(line);
                if (!m.matches()) {
                    if (block != null) {
                        block.add(line.stripTrailing());
                    }
                    continue;
                }
                entries++;
                keep(block);
                block = null;
                Matcher stage = STAGE.matcher(m.group(2).strip());
                if (stage.matches()) {
                    block = new Block(stage.group(1), time(m.group(1)),
                            new SampleLine(displayName, no, Limits.cut(Redactor.DEFAULT.redact(line.strip()), 300)));
                }
            }
            keep(block);
            report.addLines(no);
        }
        report.addEntries(entries);
        if (folded) {
            report.note("more than " + MAX_KEYS + " distinct wfastcgi errors: the others are not kept");
        }
    }

    private void keep(Block b) {
        if (b == null || b.exception.isEmpty()) {
            return;
        }
        Key key = new Key(b.stage, b.exception, Limits.cut(Redactor.DEFAULT.redact(b.message), MAX_MESSAGE), b.handler,
                b.wfastcgiPath);
        Tally acc = Tally.groupIn(errors, key, MAX_KEYS, Tally::new);
        if (acc == null) {
            folded = true;
            return;
        }
        acc.seen(b.at);
        acc.sample(b.sample);
    }

    /** The entry's time: Python's datetime.now() in the server's local time, taken as UTC; null when unreadable. */
    static Instant time(String text) {
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public List<Object> facts() {
        List<Object> out = new ArrayList<>();
        errors.forEach((k, a) -> out.add(new WsgiHandlerError(k.stage(), k.exception(), k.message(), k.handler(),
                k.wfastcgiPath(), a.count, a.first, a.last, List.copyOf(a.samples))));
        return out;
    }
}
