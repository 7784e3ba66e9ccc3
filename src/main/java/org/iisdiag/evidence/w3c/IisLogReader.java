package org.iisdiag.evidence.w3c;

import java.io.IOException;
import java.io.InputStream;

import org.iisdiag.evidence.ReadReport;

/**
 * Reads IIS W3C extended logs (already decompressed) into an {@link IisLogAggregator}. Any
 * {@code #Fields} order or subset works, and lines that no #Fields describes are read by their shape
 * (see {@link W3cScanner}); date, time and sc-status are required, sc-substatus and sc-win32-status
 * count as 0 and time-taken as "not logged" when absent.
 */
public final class IisLogReader {
    /** How {@link LogIngest} reads IIS logs. */
    public static final LogFormat<IisLogAggregator> FORMAT = new Format();

    private final IisLogAggregator agg;

    public IisLogReader(IisLogAggregator agg) {
        this.agg = agg;
    }

    /**
     * Reads one whole file on the calling thread (tests and tools; a case is read by {@link LogIngest}).
     *
     * @param displayName file name used in samples, e.g. "W3SVC1/u_ex250109.log"
     * @param siteHint    site label from the folder name ("W3SVC1") or ""; an s-sitename field wins
     * @param serverHint  server label from the folder name when the case holds several servers' logs, or "";
     *                    an s-computername field wins
     */
    public void read(String displayName, String siteHint, String serverHint, InputStream in, ReadReport report)
            throws IOException {
        LogIngest.readNow(FORMAT, agg, new LogSource(displayName, siteHint, serverHint), in, report);
    }

    private static final class Format implements LogFormat<IisLogAggregator> {
        @Override
        public LogKind kind() {
            return LogKind.IIS;
        }

        @Override
        public IisLogAggregator newAggregator() {
            return new IisLogAggregator();
        }

        @Override
        public void clear(IisLogAggregator block) {
            block.clear();
        }

        @Override
        public W3cRecordHandler handler(IisLogAggregator block, LogSource source) {
            return new Handler(block, source.displayName(), block.siteIndex(source.siteHint()),
                    block.siteIndex(source.serverHint()));
        }

        @Override
        public void merge(IisLogAggregator total, IisLogAggregator block, long lineBase) {
            total.merge(block, lineBase);
        }

        @Override
        public long[] counters(IisLogAggregator total) {
            long[] unlogged = total.unlogged().counters();
            return new long[] {total.foldedEntries(), total.foldedClassicAspErrors(), unlogged[0], unlogged[1], unlogged[2]};
        }

        @Override
        public void notes(IisLogAggregator total, long[] before, ReadReport report) {
            if (total.foldedEntries() > before[0]) {
                report.note("more than " + IisLogAggregator.MAX_KEYS + " distinct (site, status, substatus, win32) keys:"
                        + " further ones are counted as site " + IisLogAggregator.OTHER_SITE + ", substatus -1, win32 -1");
            }
            if (total.foldedClassicAspErrors() > before[1]) {
                report.note("more than " + IisLogAggregator.MAX_ASP_KEYS + " distinct Classic ASP errors (site, page, line, code):"
                        + " further ones are counted as page " + IisLogAggregator.OTHER_ASP + " on site " + IisLogAggregator.OTHER_SITE);
            }
            total.unlogged().note(java.util.Arrays.copyOfRange(before, 2, 5), report);
            total.timeline().noteCoarsening(report);
        }
    }

    /** Maps the columns of the current layout, then parses each line's fields straight from bytes. */
    private static final class Handler extends TimestampedHandler {
        private final IisLogAggregator agg;
        private final String file;
        private final int hintSite;
        private final int hintServer;
        private int server, site, uriStem, uriQuery, status, substatus, win32, timeTaken, cookie, client, method, version;
        private int upgrade, connection; // custom fields logging the Upgrade and Connection request headers, or -1
        private boolean trimmed; // the layout lacks sc-substatus, sc-win32-status or time-taken (decided once per layout)

        Handler(IisLogAggregator agg, String file, int hintSite, int hintServer) {
            super("sc-status");
            this.agg = agg;
            this.file = file;
            this.hintSite = hintSite;
            this.hintServer = hintServer;
        }

        @Override
        protected void columns(W3cLayout l) {
            server = l.indexOf("s-computername");
            site = l.indexOf("s-sitename");
            uriStem = l.indexOf("cs-uri-stem");
            uriQuery = l.indexOf("cs-uri-query");
            status = l.indexOf("sc-status");
            substatus = l.indexOf("sc-substatus");
            win32 = l.indexOf("sc-win32-status");
            timeTaken = l.indexOf("time-taken");
            cookie = l.indexOf("cs(Cookie)");
            client = l.indexOf("c-ip");
            method = l.indexOf("cs-method");
            version = l.indexOf("cs-version");
            upgrade = requestHeader(l, "Upgrade");
            connection = requestHeader(l, "Connection");
            trimmed = substatus < 0 || win32 < 0 || timeTaken < 0;
        }

        @Override
        protected String entry(W3cRecord r, long ts) {
            long st = r.number(status);
            if (st < 0 || st > 999) {
                return "sc-status '" + r.raw(status) + "' is not a number from 0 to 999";
            }
            long sub = substatus < 0 ? 0 : r.number(substatus);
            if (sub == W3cRecord.DASH) {
                sub = 0;
            } else if (sub < 0 || sub > Integer.MAX_VALUE) {
                return "sc-substatus '" + r.raw(substatus) + "' is not a number";
            }
            long w32 = win32 < 0 ? 0 : r.number(win32);
            if (w32 == W3cRecord.DASH) {
                w32 = 0;
            } else if (w32 < 0 || w32 > 0xFFFF_FFFFL) {
                return "sc-win32-status '" + r.raw(win32) + "' is not an unsigned 32-bit number";
            }
            long tt = timeTaken < 0 ? -1 : r.number(timeTaken);
            if (tt == W3cRecord.INVALID) {
                return "time-taken '" + r.raw(timeTaken) + "' is not a number";
            }
            int s = site >= 0 && !r.isDash(site) ? agg.siteIndex(r, site) : hintSite;
            int sv = server >= 0 && !r.isDash(server) ? agg.siteIndex(r, server) : hintServer;
            KeyStats<?> key = agg.add(sv, s, (int) st, (int) sub, w32, ts, tt, r, uriStem, uriQuery, cookie, client, method,
                    version, file);
            if (upgrade >= 0 && isWebSocket(r, upgrade)) { // only layouts that log the Upgrade header get here
                key.handshake(connection >= 0 && hasToken(r, connection, UPGRADE), r, client);
            }
            if (trimmed) { // no work per line for the usual layouts
                agg.unlogged().count(substatus < 0, win32 < 0, timeTaken < 0);
            }
            if (uriQuery >= 0) {
                classicAsp(r, s, (int) st, ts);
            }
            return null;
        }

        /**
         * The column of a custom field that logs request header {@code name}: IIS 8.5+ writes a custom field under
         * its logFieldName, which is usually the header's name ({@code Upgrade}) or its W3C spelling
         * ({@code cs(Upgrade)}); -1 when the layout has neither.
         */
        static int requestHeader(W3cLayout l, String name) {
            int i = l.indexOf(name);
            return i >= 0 ? i : l.indexOf("cs(" + name + ")");
        }

        private static final byte[] WEBSOCKET = "websocket".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private static final byte[] UPGRADE = "upgrade".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        /** Whether the field is "websocket" (any case), the Upgrade header of a WebSocket handshake. */
        static boolean isWebSocket(W3cRecord r, int f) {
            return r.length(f) == WEBSOCKET.length && matches(r.buffer(), r.start(f), WEBSOCKET);
        }

        /**
         * Whether the field (a Connection header: "Upgrade", "keep-alive,+Upgrade", "-") holds {@code token}, any case,
         * as one of its comma-separated elements ('+' is how W3C logs write a space).
         */
        static boolean hasToken(W3cRecord r, int f, byte[] token) {
            byte[] b = r.buffer();
            int i = r.start(f);
            int end = r.end(f);
            while (i < end) {
                while (i < end && (b[i] == ' ' || b[i] == '+' || b[i] == ',')) {
                    i++;
                }
                int s = i;
                while (i < end && b[i] != ',') {
                    i++;
                }
                int e = i;
                while (e > s && (b[e - 1] == ' ' || b[e - 1] == '+')) {
                    e--;
                }
                if (e - s == token.length && matches(b, s, token)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the bytes at {@code at} are {@code lower} (ASCII, any case). */
        private static boolean matches(byte[] b, int at, byte[] lower) {
            for (int k = 0; k < lower.length; k++) {
                if ((b[at + k] | 0x20) != lower[k]) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Classic ASP appends {@code |line|code|description} to cs-uri-query. A backwards scan for '|' is
         * all an ordinary entry costs; only a query with three '|' and a well-formed line and code is
         * counted (other queries with '|' are left alone). The code is a script error's HRESULT (800a01a8) or
         * an ASP engine error, with or without its HRESULT (ASP_0131, ASP_0251_:_80004005).
         */
        private void classicAsp(W3cRecord r, int s, int st, long ts) {
            byte[] b = r.buffer();
            int start = r.start(uriQuery);
            int p3 = r.end(uriQuery) - 1;
            while (p3 >= start && b[p3] != '|') {
                p3--;
            }
            if (p3 < start) {
                return; // the common case: no '|'
            }
            int p2 = p3 - 1;
            while (p2 >= start && b[p2] != '|') {
                p2--;
            }
            int p1 = p2 - 1;
            while (p1 >= start && b[p1] != '|') {
                p1--;
            }
            if (p1 < start) {
                return;
            }
            int line = aspLine(b, p1 + 1, p2);
            int codeLen = p3 - p2 - 1;
            if (line < 0 || codeLen < 1 || codeLen > 32) {
                return;
            }
            for (int i = p2 + 1; i < p3; i++) {
                int c = b[i];
                // ':' for the ASP engine's own errors, logged as ASP_0251_:_80004005 (KB 925764)
                if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':')) {
                    return;
                }
            }
            agg.classicAsp(s, st, r, uriStem, line, p2 + 1, codeLen, p3 + 1, r.end(uriQuery) - p3 - 1, ts, cookie, file);
        }

        /** The script line: digits, 0 for "-", -1 when it is neither. */
        private static int aspLine(byte[] b, int from, int to) {
            if (to - from == 1 && b[from] == '-') {
                return 0;
            }
            if (to == from || to - from > 9) {
                return -1;
            }
            int v = 0;
            for (int i = from; i < to; i++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return -1;
                }
                v = v * 10 + d;
            }
            return v;
        }
    }
}
