package org.iisdiag.facts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An error that ended PHP scripts, read from PHP's own error log (the file php.ini's {@code error_log} names,
 * with {@code log_errors = On}), aggregated by (level, message, script, line). Only the levels that end the
 * request are kept: "Fatal error", "Parse error", "Recoverable fatal error" (and PHP 5's "Catchable fatal
 * error"). With {@code display_errors = Off}, PHP answers such a request with status 500 and writes nothing
 * IIS could log: the IIS log says {@code 500 0 0}, this log says why.
 *
 * @param level   the level as PHP writes it ("Fatal error")
 * @param message the message without its location ("Allowed memory size of 134217728 bytes exhausted (tried
 *                to allocate 20480 bytes)"), at most 400 characters
 * @param script  the script the error happened in, as PHP wrote it ("C:\inetpub\shop\lib\Export.php"), ""
 * @param line    the line in that script, 0 when not given
 * @param count   how many times the log holds this error
 * @param firstSeen the first time in UTC (the log's time zone, php.ini's date.timezone, converted), null when
 *                no line had a time this reader could place
 * @param lastSeen  the last time in UTC, null likewise
 */
public record PhpError(String level, String message, String script, int line, long count,
                       Instant firstSeen, Instant lastSeen, List<SampleLine> samples) implements TalliedEvidence {

    /** The levels that end the request, as PHP writes them in its log. */
    public static boolean endsRequest(String level) {
        String l = level.toLowerCase(Locale.ROOT);
        return l.equals("fatal error") || l.equals("parse error") || l.equals("recoverable fatal error")
                || l.equals("catchable fatal error");
    }

    /** "script:line", the script alone, or "" when PHP named none. */
    public String location() {
        return script.isEmpty() ? "" : line > 0 ? script + ":" + line : script;
    }

    @Override
    public String describe() {
        String where = location().isEmpty() ? "" : " in " + location();
        return String.format(Locale.ROOT, "%,d x PHP %s: %s%s (PHP error log%s)", count, level, message, where, seenSpan());
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
