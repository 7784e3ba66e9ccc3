package org.iisdiag.evidence.w3c;

import java.io.IOException;
import java.io.InputStream;

import org.iisdiag.evidence.ReadReport;

/**
 * Reads one IIS W3C extended log (already decompressed) into an {@link IisLogAggregator}. Any
 * {@code #Fields} order or subset works; date, time and sc-status are required, sc-substatus and
 * sc-win32-status count as 0 and time-taken as "not logged" when absent.
 */
public final class IisLogReader {
    /** IIS 7.5-10 default field set, assumed (with a note) when a file has no #Fields. */
    public static final W3cLayout DEFAULT_LAYOUT = W3cLayout.of(
            "date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) "
                    + "cs(Referer) sc-status sc-substatus sc-win32-status time-taken",
            "the IIS 10 default field set (no #Fields directive)");
    private static final W3cScanner SCANNER = new W3cScanner(DEFAULT_LAYOUT);

    private final IisLogAggregator agg;

    public IisLogReader(IisLogAggregator agg) {
        this.agg = agg;
    }

    /**
     * @param displayName file name used in samples, e.g. "W3SVC1/u_ex250109.log"
     * @param siteHint    site label from the folder name ("W3SVC1") or ""; an s-sitename field wins
     */
    public void read(String displayName, String siteHint, InputStream in, ReadReport report) throws IOException {
        long foldedBefore = agg.foldedEntries();
        SCANNER.scan(in, report, new Handler(displayName, agg.siteIndex(siteHint == null ? "" : siteHint)));
        if (agg.foldedEntries() > foldedBefore) {
            report.note("more than " + IisLogAggregator.MAX_KEYS + " distinct (site, status, substatus, win32) keys:"
                    + " further ones are counted as site " + IisLogAggregator.OTHER_SITE + ", substatus -1, win32 -1");
        }
        agg.timeline().noteCoarsening(report);
    }

    /** Maps the columns of the current layout, then parses each line's fields straight from bytes. */
    private final class Handler extends TimestampedHandler {
        private final String file;
        private final int hintSite;
        private int site, uriStem, status, substatus, win32, timeTaken, cookie;

        Handler(String file, int hintSite) {
            super("sc-status");
            this.file = file;
            this.hintSite = hintSite;
        }

        @Override
        protected void columns(W3cLayout l) {
            site = l.indexOf("s-sitename");
            uriStem = l.indexOf("cs-uri-stem");
            status = l.indexOf("sc-status");
            substatus = l.indexOf("sc-substatus");
            win32 = l.indexOf("sc-win32-status");
            timeTaken = l.indexOf("time-taken");
            cookie = l.indexOf("cs(Cookie)");
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
            agg.add(s, (int) st, (int) sub, w32, ts, tt, r, uriStem, cookie, file);
            return null;
        }
    }
}
