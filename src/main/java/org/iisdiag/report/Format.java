package org.iisdiag.report;

import java.util.List;
import java.util.Locale;

import org.iisdiag.report.DiagnosisReport.ScoreReason;

/** Small formatting pieces every renderer shares, so text, Markdown and HTML say things the same way. */
final class Format {
    private Format() {
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

    /** "50 base score, +20 cheap and without risk [prio.cheap-and-safe-first], ..." */
    static String scoring(List<ScoreReason> scoring) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < scoring.size(); i++) {
            ScoreReason r = scoring.get(i);
            b.append(i == 0 ? "" : ", ").append(i == 0 ? Integer.toString(r.delta()) : signed(r.delta()))
                    .append(' ').append(r.reason()).append(r.rule().isEmpty() ? "" : " [" + r.rule() + "]");
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
}
