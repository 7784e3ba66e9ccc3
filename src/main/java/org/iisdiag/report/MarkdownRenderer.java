package org.iisdiag.report;

import java.util.List;

import org.iisdiag.evidence.LineProblem;
import org.iisdiag.facts.SampleLine;
import org.iisdiag.report.DiagnosisReport.EvidenceItem;
import org.iisdiag.report.DiagnosisReport.RankedAction;

/** The report as Markdown, for tickets and wikis: verdict first, then actions, diagnoses and the rest. */
public final class MarkdownRenderer implements ReportRenderer {
    private final StringBuilder out = new StringBuilder();

    @Override
    public String render(DiagnosisReport r) {
        out.setLength(0);
        line("# Diagnosis of " + code(r.summary().caseFolder()));
        line("");
        line("_" + text(r.tool()) + "_");
        line("");
        if (!Format.detailNote(r).isEmpty()) {
            line("_" + text(Format.detailNote(r)) + "_");
            line("");
        }
        var v = r.verdict();
        line("## Verdict: " + v.severity());
        line("");
        if (!Format.serverErrors(r.summary()).isEmpty()) {
            line(text(Format.serverErrors(r.summary()) + "; " + Format.busiestMinute(r.summary()) + "."));
            line("");
        }
        if (v.happened().isEmpty() && v.alsoSeen().isEmpty()) {
            line("No problem found in the evidence: nothing to do.");
        }
        v.happened().forEach(h -> line("- " + text(Format.verdictLine(h))));
        line("");
        if (!v.alsoSeen().isEmpty()) {
            line("**Also seen, a handful of entries each:**");
            line("");
            v.alsoSeen().forEach(h -> line("- " + text(Format.alsoSeen(h))));
            line("");
        }
        if (!v.doNow().isEmpty()) {
            line("**Do now:**");
            line("");
            v.doNow().forEach(a -> line("- " + text(Format.verdictAction(a))));
            line("");
        }
        if (!v.missing().isEmpty()) {
            line("**Missing from the case:**");
            line("");
            v.missing().forEach(m -> line("- " + text(m)));
            line("");
        }
        List<String> chart = Sparkline.lines(r.timeline());
        if (!chart.isEmpty()) {
            line("## Timeline");
            line("");
            block(chart);
            line("");
        }
        line("## Actions (" + r.actions().size() + ", in order)");
        line("");
        for (RankedAction a : r.actions()) {
            action(a);
        }
        line("## Diagnoses (" + r.diagnoses().size() + ")");
        line("");
        for (var d : r.diagnoses()) {
            line("### " + text(d.title()));
            line("");
            line("**" + d.severity() + "**, " + d.certainty() + " · " + code(d.id()) + " · " + text(d.target().text())
                    + (d.firstSeen().isEmpty() ? "" : " · " + text(Format.window(d.firstSeen(), d.lastSeen()))));
            line("");
            line(text(d.explanation()));
            line("");
            evidence(d.evidence(), 1);
            d.known().forEach(k -> line("- Known: " + text(k)));
            d.plan().forEach(p -> line("- Plan, " + p.role() + ": " + code(p.action())
                    + (p.rank() > 0 ? " (action " + p.rank() + ")" : " (" + text(p.note()) + ")")));
            line("");
            line("Rules: " + codes(d.rules()));
            line("");
        }
        line("## Open questions (" + r.questions().size() + ")");
        line("");
        for (var q : r.questions()) {
            line("- **" + text(q.text()) + "** " + text(q.why())
                    + (q.answeredBy().isEmpty() ? "" : " Answered by " + code(q.answeredBy()) + "."));
        }
        line("");
        if (!r.notRecommended().isEmpty()) {
            line("## Not recommended (" + r.notRecommended().size() + ")");
            line("");
            r.notRecommended().forEach(n -> line("- " + code(n.action()) + " for " + code(n.diagnosis()) + ": " + text(n.why())));
            line("");
        }
        if (!r.benign().isEmpty()) {
            line("## Recognised as normal (" + r.benign().size() + ", not escalated)");
            line("");
            r.benign().forEach(b -> line("- " + text(b.summary()) + ": " + text(b.reason()) + " (" + code(b.rule()) + ")"));
            line("");
        }
        summary(r.summary());
        line("## Inputs");
        line("");
        line("| file | what was read |");
        line("|---|---|");
        for (var f : r.inputs()) {
            line("| " + code(f.name()) + " | " + cell(Format.inputState(f)) + " |");
        }
        line("");
        for (var f : r.inputs()) {
            for (String note : f.notes()) {
                line("- " + code(f.name()) + ": " + text(note));
            }
            for (LineProblem p : f.problems()) {
                line("- " + code(p.location()) + ": " + text(p.reason()));
            }
        }
        line("");
        return out.toString();
    }

    private void summary(DiagnosisReport.Summary s) {
        line("## Case summary");
        line("");
        if (!s.reported().isEmpty()) {
            line("- Reported: " + text(s.reported()));
        }
        s.changes().forEach(c -> line("- Change: " + text(c)));
        if (!s.errorStatuses().isEmpty()) {
            line("- Errors: " + text(String.join(", ", s.errorStatuses().stream()
                    .map(t -> t.code() + " (" + t.log() + ") x" + Format.n(t.count()) + (t.benign() ? " normal" : "")).toList())));
        }
        line("");
        line("- Files: " + s.filesRead() + " read, " + s.filesNotUsed() + " not used, " + s.filesFailed() + " failed; "
                + Format.n(s.linesRead()) + " lines, " + Format.n(s.linesRejected()) + " rejected");
        if (!s.firstSeen().isEmpty()) {
            line("- IIS log: " + s.firstSeen() + " to " + s.lastSeen() + "; " + Format.n(s.requests()) + " requests, "
                    + Format.n(s.clientErrors()) + " 4xx, " + Format.n(s.serverErrors()) + " 5xx");
        }
        line("- HTTPERR: " + Format.n(s.httpErrEntries()) + " entries");
        if (!Format.serverErrors(s).isEmpty()) {
            line("- " + text(Format.serverErrors(s)));
            line("- Busiest 5xx minutes: " + text(String.join("; ", s.peakServerErrorMinutes().stream().map(Format::peak).toList())));
        }
        line("- " + text(Format.server(s.environment())));
        s.environment().sites().forEach(site -> line("- Site " + code(site.logLabel()) + ": " + text(site.name())
                + (site.appPool().isEmpty() ? "" : ", app pool " + code(site.appPool()))));
        line("");
    }

    private void action(RankedAction a) {
        line("### " + a.rank() + ". " + text(a.title()));
        line("");
        line("**" + a.priority() + "** · " + code(a.id()) + " · " + a.role() + " for " + codes(a.serves()) + " · "
                + text(a.target().text()) + " · " + a.kind() + " · cost " + a.cost() + " · risk " + a.risk()
                + (a.changesServerState() ? " · changes the server" : ""));
        line("");
        // catalog prose is written with `code` spans already: it goes in as Markdown
        line(prose(a.why()));
        line("");
        a.caveats().forEach(c -> line("> **Caution:** " + text(c)));
        if (!a.caveats().isEmpty()) {
            line("");
        }
        if (!a.evidence().isEmpty()) {
            line("Evidence:");
            line("");
            evidence(a.evidence(), 1);
        }
        if (!a.requires().isEmpty()) {
            line("Requires first: " + codes(a.requires()));
            line("");
        }
        if (a.brief()) {
            line("_" + Format.BRIEF + "_");
            line("");
        }
        steps("Steps", a.steps(), true);
        steps("Verify", a.verify(), false);
        steps("Risks", a.risks(), false);
        steps("Revert", a.revert(), true);
        line("Order: " + text(Format.rationale(a.rationale())));
        line("");
    }

    private void steps(String title, List<String> items, boolean numbered) {
        if (items.isEmpty()) {
            return;
        }
        line("**" + title + "**");
        line("");
        for (int i = 0; i < items.size(); i++) {
            String[] lines = items.get(i).split("\n"); // catalog prose: already Markdown
            line((numbered ? (i + 1) + ". " : "- ") + prose(lines[0]));
            if (lines.length > 1) {
                // multi-line steps are commands: keep them verbatim in a fenced block
                line("");
                line("   ```");
                for (int j = 1; j < lines.length; j++) {
                    line("   " + lines[j]);
                }
                line("   ```");
            }
        }
        line("");
    }

    private void evidence(List<EvidenceItem> items, int samples) {
        for (EvidenceItem e : items) {
            line("- " + text(e.summary()));
            for (SampleLine s : e.samples().subList(0, Math.min(samples, e.samples().size()))) {
                line("  - " + code(s.location()) + " " + code(Format.cut(s.text(), 220)));
            }
        }
        line("");
    }

    private void line(String s) {
        out.append(s).append('\n');
    }

    /** A fenced code block whose fence is longer than any run of backticks in it. */
    private void block(List<String> lines) {
        int longest = 0;
        for (String l : lines) {
            int run = 0;
            for (int i = 0; i < l.length(); i++) {
                run = l.charAt(i) == '`' ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        line(fence + "text");
        lines.forEach(this::line);
        line(fence);
    }

    /** Inline code that survives backticks in the content. */
    static String code(String s) {
        String fence = s.contains("`") ? "`` " : "`";
        String close = s.contains("`") ? " ``" : "`";
        return fence + s + close;
    }

    private static String codes(List<String> ids) {
        return String.join(", ", ids.stream().map(MarkdownRenderer::code).toList());
    }

    /** Prose with Markdown's special characters escaped where they would change the rendering. */
    static String text(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("<", "&lt;").replace(">", "&gt;")
                .replace("[", "\\[").replace("]", "\\]");
    }

    /**
     * Catalog prose (already Markdown, with `code` spans) that may carry values from the case:
     * angle brackets outside code spans are escaped so no HTML from a log reaches a Markdown viewer.
     */
    static String prose(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean inCode = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '`') {
                inCode = !inCode;
            }
            if (!inCode && c == '<') {
                b.append("&lt;");
            } else if (!inCode && c == '>') {
                b.append("&gt;");
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String cell(String s) {
        return text(s).replace("|", "\\|");
    }
}
