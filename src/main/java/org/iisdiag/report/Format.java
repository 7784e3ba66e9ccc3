package org.iisdiag.report;

import java.util.List;
import java.util.Locale;


/** Small formatting pieces every renderer shares, so text, Markdown and HTML say things the same way. */
final class Format {
    private Format() {
    }

    /** Said where an action is shown in brief. */
    static final String BRIEF = "Steps, verification, risks and revert: run with --detail full (JSON always has them).";

    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    static String signed(int v) {
        return v >= 0 ? "+" + v : Integer.toString(v);
    }

    static String orUnknown(String s) {
        return s.isEmpty() ? "unknown" : s;
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    /** "2025-08-27 16:50 to 16:55 UTC" for two ISO instants (the date again when it differs). */
    static String window(String first, String last) {
        if (first.isEmpty()) {
            return "";
        }
        String f = first.replace('T', ' ');
        String l = last.replace('T', ' ');
        f = f.length() >= 16 ? f.substring(0, 16) : f;
        l = l.length() >= 16 ? l.substring(0, 16) : l;
        if (l.isEmpty() || l.equals(f)) {
            return f + " UTC";
        }
        return f + " to " + (l.substring(0, 10).equals(f.substring(0, 10)) ? l.substring(11) : l) + " UTC";
    }

    /** "tier 1 (serves the confirmed diagnosis x) [rank.tier-1-confirmed]; +300 high diagnosis [rank.severity]; ..." */
    static String rationale(List<DiagnosisReport.Reason> reasons) {
        StringBuilder b = new StringBuilder();
        for (DiagnosisReport.Reason r : reasons) {
            b.append(b.length() == 0 ? "" : "; ");
            b.append(r.kind().equals("tier") ? "tier " + r.value() : signed(r.value())).append(' ').append(r.reason());
            if (!r.rule().isEmpty()) {
                b.append(" [").append(r.rule()).append(']');
            }
        }
        return b.toString();
    }

    /** One line describing what reading a file gave, for the inputs section. */
    static String inputState(DiagnosisReport.InputFile f) {
        if (!f.error().isEmpty()) {
            return "FAILED: " + f.error();
        }
        if (!f.used()) {
            return "not used (" + f.kind() + ": not read by this version)";
        }
        if (f.lines() == 0 && f.entries() == 0) {
            return f.kind() + ", read";
        }
        return f.kind() + ", " + n(f.lines()) + " lines, " + n(f.entries()) + " entries"
                + (f.rejected() > 0 ? ", " + n(f.rejected()) + " rejected" : "");
    }

    /** "Server: WEB01; IIS 10.0; application aspnetcore; internet-facing yes; Tracing installed no" */
    static String server(DiagnosisReport.Environment e) {
        return "Server: " + orUnknown(e.serverName()) + "; IIS " + orUnknown(e.iisVersion()) + "; application "
                + e.applicationType() + "; internet-facing " + e.internetFacing() + "; Tracing installed "
                + e.tracingInstalled();
    }

    /** "title [critical, probable; 2024-03-04 14:00 to 14:09 UTC; 396 entries]". */
    static String verdictLine(DiagnosisReport.VerdictLine d) {
        String w = window(d.firstSeen(), d.lastSeen());
        return d.title() + " [" + d.severity() + ", " + d.certainty() + (w.isEmpty() ? "" : "; " + w)
                + "; " + entries(d.reach()) + "]";
    }

    /** "title (5 entries)": a cause seen only a handful of times. */
    static String alsoSeen(DiagnosisReport.VerdictLine d) {
        return d.title() + " (" + entries(d.reach()) + ")";
    }

    /** "1. [P2] title". */
    static String verdictAction(DiagnosisReport.VerdictAction a) {
        return a.rank() + ". [" + a.priority() + "] " + a.title();
    }

    static String entries(long n) {
        return n(n) + (n == 1 ? " entry" : " entries");
    }

    /** "2024-03-04 14:00" from an ISO instant; "" stays "". */
    static String time(String iso) {
        String t = iso.replace('T', ' ');
        return t.length() >= 16 ? t.substring(0, 16) : t;
    }

    /** "1 minute", "20 minutes", "2 hours", "1 day". */
    static String minutes(long m) {
        if (m % 1440 == 0) {
            return m == 1440 ? "1 day" : m / 1440 + " days";
        }
        if (m % 60 == 0) {
            return m == 60 ? "1 hour" : m / 60 + " hours";
        }
        return m == 1 ? "1 minute" : m + " minutes";
    }

    /** "572 server errors (5xx): 213 in the IIS log, 359 answered by HTTP.sys (HTTPERR)", or "". */
    static String serverErrors(DiagnosisReport.Summary s) {
        if (s.serverErrorsAllSources() == 0) {
            return "";
        }
        List<String> parts = new java.util.ArrayList<>();
        for (DiagnosisReport.SourceCount c : s.serverErrorSources()) {
            if (c.count() > 0) {
                parts.add(n(c.count()) + (c.source().equals("HTTPERR") ? " answered by HTTP.sys (HTTPERR)"
                        : " in the " + c.source()));
            }
        }
        return n(s.serverErrorsAllSources()) + " server errors (5xx): " + String.join(", ", parts);
    }

    /** "busiest minute 2024-03-04 14:00 with 59 (5 IIS log, 54 HTTPERR)", or "". */
    static String busiestMinute(DiagnosisReport.Summary s) {
        if (s.peakServerErrorMinutes().isEmpty()) {
            return "";
        }
        return "busiest minute " + peak(s.peakServerErrorMinutes().get(0));
    }

    /** "2024-03-04 14:00 with 59 (5 IIS log, 54 HTTPERR)"; a source with none that minute is not named. */
    static String peak(org.iisdiag.evidence.CaseEvidence.PeakMinute p) {
        List<String> parts = new java.util.ArrayList<>();
        if (p.iisLog() > 0) {
            parts.add(n(p.iisLog()) + " IIS log");
        }
        if (p.httpErr() > 0) {
            parts.add(n(p.httpErr()) + " HTTPERR");
        }
        return time(p.minute()) + " with " + n(p.count()) + " (" + (parts.size() == 1
                ? parts.get(0).substring(parts.get(0).indexOf(' ') + 1) : String.join(", ", parts)) + ")";
    }

    /** "Detail normal: 37 evidence items, samples or actions left out (--detail full, or JSON, shows them).", or "". */
    static String detailNote(DiagnosisReport r) {
        return r.omitted() == 0 ? "" : "Detail " + r.detail() + ": " + n(r.omitted())
                + " evidence items, diagnoses or actions left out or in brief (--detail full, or JSON, shows them).";
    }
}
