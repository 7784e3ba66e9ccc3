package org.iisdiag.evidence.php;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.evidence.EvidenceReader;
import org.iisdiag.evidence.Limits;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.Redactor;
import org.iisdiag.evidence.Tally;
import org.iisdiag.evidence.eventlog.TextDecoding;
import org.iisdiag.evidence.text.BoundedLineReader;
import org.iisdiag.facts.PhpError;
import org.iisdiag.facts.SampleLine;

/**
 * Reads PHP's error log (php.ini {@code error_log}, written when {@code log_errors = On}) into {@link PhpError}s.
 * Each entry is one line {@code [11-Jun-2025 08:14:08 Europe/Berlin] PHP Fatal error:  <message> in <script> on
 * line <n>}: the time in php.ini's {@code date.timezone} (converted to UTC here, the IIS log's clock), the level,
 * the message and where it happened. Only the levels that end a request are kept; warnings, notices and
 * deprecations are counted in a note. Lines without a time (an uncaught exception's stack trace) continue the
 * entry before them and are skipped. At most {@link #MAX_KEYS} distinct errors are kept.
 */
public final class PhpErrorLogReader implements EvidenceReader {
    public static final int MAX_KEYS = 50;
    static final int MAX_MESSAGE = 400;

    /** "[11-Jun-2025 08:14:08 Europe/Berlin] PHP Fatal error:  text": the time, its zone (optional), level and text. */
    static final Pattern ENTRY = Pattern.compile(
            "^\\[(\\d{2}-[A-Za-z]{3}-\\d{4} \\d{2}:\\d{2}:\\d{2})(?: ([A-Za-z][A-Za-z0-9_+\\-/]{0,63}))?\\] PHP ([A-Z][a-z]+(?: [a-z]+){0,2}):\\s+(.*)$");
    /** The location PHP appends: " in C:\path\x.php on line 88", or an uncaught exception's " in C:\path\x.php:88". */
    private static final Pattern LOCATION = Pattern.compile(
            " in ((?:[A-Za-z]:[\\\\/]|\\\\\\\\|/)[^\\r\\n]{1,400}?)(?: on line (\\d{1,9})|:(\\d{1,9}))$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss", Locale.ENGLISH);

    private record Key(String level, String message, String script, int line) {
    }

    private final Map<Key, Tally> errors = new TreeMap<>(Comparator.comparing(Key::level).thenComparing(Key::message)
            .thenComparing(Key::script).thenComparingInt(Key::line));

    @Override
    public void read(String displayName, String siteHint, InputStream in, ReadReport report) throws IOException {
        long minor = 0;
        long entries = 0;
        String badZone = null;
        boolean folded = false;
        try (BoundedLineReader r = new BoundedLineReader(TextDecoding.reader(in), Limits.LOG_LINE_CHARS)) {
            String line;
            long no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                Matcher m = ENTRY.matcher(line.strip());
                if (!m.matches()) {
                    continue; // a stack trace or message continuing the entry before it
                }
                entries++;
                String level = m.group(3);
                if (!PhpError.endsRequest(level)) {
                    minor += level.equals("Stack trace") ? 0 : 1;
                    continue;
                }
                Instant at = utc(m.group(1), m.group(2));
                if (at == null && badZone == null) {
                    badZone = m.group(2);
                }
                String text = Redactor.DEFAULT.redact(m.group(4).strip());
                Matcher where = LOCATION.matcher(text);
                String script = "";
                int atLine = 0;
                if (where.find()) {
                    script = where.group(1);
                    String n = where.group(2) != null ? where.group(2) : where.group(3);
                    atLine = Integer.parseInt(n);
                    text = text.substring(0, where.start()).strip();
                }
                Key key = new Key(level, Limits.cut(text, MAX_MESSAGE), script, atLine);
                Tally acc = Tally.groupIn(errors, key, MAX_KEYS, Tally::new);
                if (acc == null) {
                    folded = true;
                    continue;
                }
                acc.seen(at);
                if (acc.wantsSample()) {
                    acc.sample(new SampleLine(displayName, no, Limits.cut(Redactor.DEFAULT.redact(line.strip()), 300)));
                }
            }
            report.addLines(no);
        }
        report.addEntries(entries);
        if (minor > 0) {
            report.note(Limits.number(minor) + " warnings, notices or deprecations not kept (only errors that end a request are)");
        }
        if (badZone != null) {
            report.note("time zone '" + badZone + "' is not one Java knows: those errors have no time and are not matched"
                    + " with the IIS log");
        }
        if (folded) {
            report.note("more than " + MAX_KEYS + " distinct PHP errors: the others are not kept");
        }
    }

    /**
     * The entry's time in UTC: PHP writes php.ini's date.timezone identifier after the time ("Europe/Berlin", "UTC");
     * a line without one is taken as UTC (PHP's default zone). Null for a zone Java does not know, or a bad time.
     */
    static Instant utc(String time, String zone) {
        try {
            LocalDateTime local = LocalDateTime.parse(time, TIME);
            return zone == null ? local.toInstant(ZoneOffset.UTC) : local.atZone(ZoneId.of(zone)).toInstant();
        } catch (DateTimeException e) { // a bad time, or a zone Java does not know
            return null;
        }
    }

    @Override
    public List<Object> facts() {
        List<Object> out = new ArrayList<>();
        errors.forEach((k, a) -> out.add(new PhpError(k.level(), k.message(), k.script(), k.line(), a.count, a.first, a.last,
                List.copyOf(a.samples))));
        return out;
    }
}
