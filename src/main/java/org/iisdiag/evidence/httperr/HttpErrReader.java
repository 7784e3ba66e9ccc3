package org.iisdiag.evidence.httperr;

import java.io.IOException;
import java.io.InputStream;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.w3c.LogFormat;
import org.iisdiag.evidence.w3c.LogIngest;
import org.iisdiag.evidence.w3c.LogKind;
import org.iisdiag.evidence.w3c.LogSource;
import org.iisdiag.evidence.w3c.W3cRecordHandler;
import org.iisdiag.evidence.w3c.W3cLayout;
import org.iisdiag.evidence.w3c.W3cRecord;
import org.iisdiag.evidence.w3c.TimestampedHandler;

/**
 * Reads HTTP.sys error logs (httperr*.log) into an {@link HttpErrAggregator}, on the same scanner as the
 * IIS log. Header variants (with or without streamid, the shorter HTTP API 1.0 lists) are handled by
 * the {@code #Fields} line, or by the lines' shape when it is missing; date, time and s-reason are
 * required; "-" status counts as 0.
 */
public final class HttpErrReader {
    /** How {@link LogIngest} reads HTTPERR logs. */
    public static final LogFormat<HttpErrAggregator> FORMAT = new Format();

    private final HttpErrAggregator agg;

    public HttpErrReader(HttpErrAggregator agg) {
        this.agg = agg;
    }

    /**
     * Reads one whole file on the calling thread (tests and tools; a case is read by {@link LogIngest}).
     *
     * @param serverHint the server the folder names when the case holds several servers' logs, or ""
     */
    public void read(String displayName, String serverHint, InputStream in, ReadReport report) throws IOException {
        LogIngest.readNow(FORMAT, agg, new LogSource(displayName, "", serverHint), in, report);
    }

    private static final class Format implements LogFormat<HttpErrAggregator> {
        @Override
        public LogKind kind() {
            return LogKind.HTTPERR;
        }

        @Override
        public HttpErrAggregator newAggregator() {
            return new HttpErrAggregator();
        }

        @Override
        public void clear(HttpErrAggregator block) {
            block.clear();
        }

        @Override
        public W3cRecordHandler handler(HttpErrAggregator block, LogSource source) {
            return new Handler(block, source.displayName(), source.serverHint());
        }

        @Override
        public void merge(HttpErrAggregator total, HttpErrAggregator block, long lineBase) {
            total.merge(block, lineBase);
        }

        @Override
        public long[] counters(HttpErrAggregator total) {
            return new long[] {total.foldedEntries()};
        }

        @Override
        public void notes(HttpErrAggregator total, long[] before, ReadReport report) {
            if (total.foldedEntries() > before[0]) {
                report.note("more than " + HttpErrAggregator.MAX_KEYS + " distinct (reason, status, site, queue) keys:"
                        + " further ones are counted as reason " + HttpErrAggregator.OTHER_REASON);
            }
            total.timeline().noteCoarsening(report);
        }
    }

    private static final class Handler extends TimestampedHandler {
        private final HttpErrAggregator agg;
        private final String file;
        private final String server;
        private final byte[] serverBytes;
        private int status, reason, siteId, queue, uri, method, client, localIp, localPort;

        Handler(HttpErrAggregator agg, String file, String server) {
            super("s-reason");
            this.agg = agg;
            this.file = file;
            this.server = server;
            this.serverBytes = server.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }

        @Override
        protected void columns(W3cLayout l) {
            status = l.indexOf("sc-status");
            reason = l.indexOf("s-reason");
            siteId = l.indexOf("s-siteid");
            queue = l.indexOf("s-queuename");
            uri = l.indexOf("cs-uri");
            method = l.indexOf("cs-method");
            client = l.indexOf("c-ip");
            localIp = l.indexOf("s-ip");
            localPort = l.indexOf("s-port");
        }

        @Override
        protected String entry(W3cRecord r, long ts) {
            long st = status < 0 ? 0 : r.number(status);
            if (st == W3cRecord.DASH) {
                st = 0;
            } else if (st < 0 || st > 999) {
                return "sc-status '" + r.raw(status) + "' is not a number from 0 to 999 or -";
            }
            if (r.isDash(reason)) {
                return "s-reason is empty ('-'); HTTP.sys always writes one";
            }
            agg.add(server, serverBytes, r, ts, (int) st, reason, siteId, queue, uri, method, client, localIp, localPort, file);
            return null;
        }
    }
}
