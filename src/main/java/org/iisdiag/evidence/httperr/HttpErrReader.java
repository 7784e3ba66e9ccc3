package org.iisdiag.evidence.httperr;

import java.io.IOException;
import java.io.InputStream;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.w3c.W3cLayout;
import org.iisdiag.evidence.w3c.W3cRecord;
import org.iisdiag.evidence.w3c.TimestampedHandler;
import org.iisdiag.evidence.w3c.W3cScanner;

/**
 * Reads one HTTP.sys error log (httperr*.log) into an {@link HttpErrAggregator}, on the same scanner as
 * the IIS log. Header variants (with or without streamid, the shorter HTTP API 1.0 lists) are handled
 * by the {@code #Fields} line; date, time and s-reason are required; "-" status counts as 0.
 */
public final class HttpErrReader {
    /** HTTP API 2.0 field list, assumed (with a note) when a file has no #Fields. */
    public static final W3cLayout DEFAULT_LAYOUT = W3cLayout.of(
            "date time c-ip c-port s-ip s-port cs-version cs-method cs-uri streamid sc-status s-siteid s-reason s-queuename",
            "the HTTP API 2.0 default field set (no #Fields directive)");
    private static final W3cScanner SCANNER = new W3cScanner(DEFAULT_LAYOUT);

    private final HttpErrAggregator agg;

    public HttpErrReader(HttpErrAggregator agg) {
        this.agg = agg;
    }

    /** @param serverHint the server the folder names when the case holds several servers' logs, or "" */
    public void read(String displayName, String serverHint, InputStream in, ReadReport report) throws IOException {
        long foldedBefore = agg.foldedEntries();
        SCANNER.scan(in, report, new Handler(displayName, serverHint == null ? "" : serverHint));
        if (agg.foldedEntries() > foldedBefore) {
            report.note("more than " + HttpErrAggregator.MAX_KEYS + " distinct (reason, status, site, queue) keys:"
                    + " further ones are counted as reason " + HttpErrAggregator.OTHER_REASON);
        }
        agg.timeline().noteCoarsening(report);
    }

    private final class Handler extends TimestampedHandler {
        private final String file;
        private final String server;
        private final byte[] serverBytes;
        private int status, reason, siteId, queue, uri;

        Handler(String file, String server) {
            super("s-reason");
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
            agg.add(server, serverBytes, r, ts, (int) st, reason, siteId, queue, uri, file);
            return null;
        }
    }
}
