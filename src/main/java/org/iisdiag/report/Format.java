package org.iisdiag.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.iisdiag.evidence.Sanitize;

/** Small formatting pieces every renderer shares, so text, Markdown and HTML say things the same way. */
final class Format {
    private Format() {
    }

    /** Said where an action is shown in brief. */
    static final String BRIEF = "Steps, verification, risks, revert and the reasons for the order: run with --detail full (JSON always has them).";

    /**
     * A value as every report shows it: control characters, escape sequences and bidi overrides from a
     * case are made visible ({@code \x1b}, {@code \u202e}) rather than acted on by a terminal or a
     * browser. Idempotent, so applying it again at a later stage changes nothing.
     */
    static String display(String s) {
        return Sanitize.forTerminal(s);
    }

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
        String sources = p.httpErr() == 0 ? "IIS log" : p.iisLog() == 0 ? "HTTPERR"
                : n(p.iisLog()) + " IIS log, " + n(p.httpErr()) + " HTTPERR";
        return time(p.minute()) + " with " + n(p.count()) + " (" + sources + ")";
    }

    /** "Detail normal: 37 evidence items, samples or actions left out (--detail full, or JSON, shows them).", or "". */
    static String detailNote(DiagnosisReport r) {
        return r.omitted() == 0 ? "" : "Detail " + r.detail() + ": " + n(r.omitted())
                + " evidence items, diagnoses or actions left out or in brief (--detail full, or JSON, shows them).";
    }

    /** The case summary, one line each, in the order every format shows it. */
    static List<String> summaryLines(DiagnosisReport.Summary s) {
        List<String> out = new ArrayList<>();
        out.add("Files: " + s.filesRead() + " read, " + s.filesNotUsed() + " not used, " + s.filesFailed() + " failed; "
                + n(s.linesRead()) + " lines, " + n(s.entries()) + " entries, " + n(s.linesRejected()) + " rejected");
        if (!s.firstSeen().isEmpty()) {
            out.add("IIS log: " + s.firstSeen() + " to " + s.lastSeen() + "; " + n(s.requests()) + " requests, "
                    + n(s.clientErrors()) + " 4xx, " + n(s.serverErrors()) + " 5xx");
        }
        out.add("HTTPERR: " + n(s.httpErrEntries()) + " entries");
        if (!s.errorStatuses().isEmpty()) {
            out.add("Errors: " + String.join(", ", s.errorStatuses().stream()
                    .map(t -> t.code() + " (" + t.log() + ") x" + n(t.count()) + (t.benign() ? " normal" : "")).toList()));
        }
        var e = s.environment();
        out.add(server(e));
        for (DiagnosisReport.Site site : e.sites()) {
            out.add("Site: " + site.logLabel() + " = " + site.name()
                    + (site.appPool().isEmpty() ? "" : ", app pool " + site.appPool()) + ", " + site.applicationType());
        }
        if (!e.reportedStatusCodes().isEmpty()) {
            out.add("Users report: " + String.join(", ", e.reportedStatusCodes().stream().map(String::valueOf).toList()));
        }
        if (!s.reported().isEmpty()) {
            out.add("Reported: " + s.reported());
        }
        s.changes().forEach(c -> out.add("Change: " + c));
        if (!serverErrors(s).isEmpty()) {
            out.add(serverErrors(s));
        }
        if (!s.peakServerErrorMinutes().isEmpty()) {
            out.add("Busiest 5xx minutes: " + String.join("; ", s.peakServerErrorMinutes().stream().map(Format::peak).toList()));
        }
        return out;
    }

    /** "action 3" for the action that answers a question, when it is in the report; else "". */
    static String actionRank(List<DiagnosisReport.RankedAction> actions, String id) {
        return actions.stream().filter(a -> a.id().equals(id)).map(a -> "action " + a.rank()).findFirst().orElse("");
    }

    /** "... and 12 more rejected lines" when a file rejected more lines than the report lists; else "". */
    static String moreRejected(DiagnosisReport.InputFile f) {
        return f.rejected() > f.problems().size() ? "... and " + n(f.rejected() - f.problems().size()) + " more rejected lines" : "";
    }

    /** What became of a plan step: "action 3", or why it is not recommended. */
    static String planOutcome(DiagnosisReport.PlanItem p) {
        return p.rank() > 0 ? "action " + p.rank() : p.note();
    }
}
