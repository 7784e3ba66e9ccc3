package org.iisdiag.report;

import java.util.List;
import java.util.Locale;

import org.iisdiag.evidence.LineProblem;
import org.iisdiag.facts.SampleLine;
import org.iisdiag.facts.TimeTakenSummary;
import org.iisdiag.report.DiagnosisReport.BenignNote;
import org.iisdiag.report.DiagnosisReport.EvidenceItem;
import org.iisdiag.report.DiagnosisReport.InputFile;
import org.iisdiag.report.DiagnosisReport.OpenQuestion;
import org.iisdiag.report.DiagnosisReport.RankedAction;
import org.iisdiag.report.DiagnosisReport.ReportedDiagnosis;
import org.iisdiag.report.DiagnosisReport.Summary;

/**
 * A plain-text report for a terminal. The first screen answers "what do I do now": the verdict (what
 * happened, the top actions, what is missing); then the actions with their steps, the diagnoses with
 * their evidence, open questions, and the case summary and inputs last.
 */
public final class TextRenderer implements ReportRenderer {
    static final int WIDTH = 100;
    /** Sample lines can be very long (user agents, queries); cut them for the terminal. */
    static final int SAMPLE_WIDTH = 220;
    /** Sample lines shown per evidence item of an action (JSON has them all). */
    static final int ACTION_SAMPLES = 2;

    private final StringBuilder out = new StringBuilder();

    @Override
    public String render(DiagnosisReport report) {
        out.setLength(0);
        line("Diagnosis of " + report.summary().caseFolder());
        line(report.tool());
        if (!Format.detailNote(report).isEmpty()) {
            wrap(Format.detailNote(report), "", "");
        }
        line("");
        verdict(report.verdict(), report.summary());
        timeline(report.timeline());
        actions(report.actions());
        diagnoses(report.diagnoses());
        questions(report.questions(), report.actions());
        notRecommended(report.notRecommended());
        benign(report.benign());
        summary(report.summary());
        inputs(report.inputs());
        if (report.whyNot() != null) {
            whyNot(report.whyNot());
        }
        if (report.trace() != null) {
            trace(report.trace());
        }
        return out.toString();
    }

    private void verdict(DiagnosisReport.Verdict v, Summary s) {
        heading("VERDICT: " + v.severity().toUpperCase(java.util.Locale.ROOT));
        if (!Format.serverErrors(s).isEmpty()) {
            wrap(Format.serverErrors(s) + "; " + Format.busiestMinute(s), "    ");
        }
        if (v.happened().isEmpty() && v.alsoSeen().isEmpty()) {
            line("  No problem found in the evidence: nothing to do.");
        }
        v.happened().forEach(h -> wrap("* " + Format.verdictLine(h), "    "));
        if (!v.alsoSeen().isEmpty()) {
            line("  Also seen, a handful of entries each:");
            v.alsoSeen().forEach(h -> wrap("- " + Format.alsoSeen(h), "      ", "    "));
        }
        if (!v.doNow().isEmpty()) {
            line("  Do now:");
            v.doNow().forEach(a -> wrap(Format.verdictAction(a), "       ", "    "));
        }
        if (!v.missing().isEmpty()) {
            line("  Missing from the case:");
            v.missing().forEach(m -> wrap("? " + m, "      ", "    "));
        }
        line("");
    }

    private void timeline(DiagnosisReport.Timeline t) {
        List<String> lines = Sparkline.lines(t);
        if (lines.isEmpty()) {
            return;
        }
        heading("TIMELINE");
        lines.forEach(l -> line("  " + l));
        line("");
    }

    private void summary(Summary s) {
        heading("CASE SUMMARY");
        line("  Files: " + s.filesRead() + " read, " + s.filesNotUsed() + " not used, " + s.filesFailed()
                + " failed; " + Format.n(s.linesRead()) + " lines, " + Format.n(s.entries()) + " entries, "
                + Format.n(s.linesRejected()) + " rejected");
        if (!s.firstSeen().isEmpty()) {
            line("  IIS log: " + s.firstSeen() + " to " + s.lastSeen() + "; " + Format.n(s.requests()) + " requests, "
                    + Format.n(s.clientErrors()) + " 4xx, " + Format.n(s.serverErrors()) + " 5xx");
        }
        line("  HTTPERR: " + Format.n(s.httpErrEntries()) + " entries");
        if (!s.errorStatuses().isEmpty()) {
            StringBuilder b = new StringBuilder("Errors:");
            s.errorStatuses().forEach(t -> b.append(' ').append(t.code()).append(" (").append(t.log()).append(") x")
                    .append(Format.n(t.count())).append(t.benign() ? " normal," : ","));
            wrap(b.substring(0, b.length() - 1), "    ");
        }
        var e = s.environment();
        line("  " + Format.server(e));
        for (DiagnosisReport.Site site : e.sites()) {
            line("  Site: " + site.logLabel() + " = " + site.name()
                    + (site.appPool().isEmpty() ? "" : ", app pool " + site.appPool()) + ", " + site.applicationType());
        }
        if (!e.reportedStatusCodes().isEmpty()) {
            line("  Users report: " + e.reportedStatusCodes());
        }
        if (!s.reported().isEmpty()) {
            wrap("Reported: " + s.reported(), "    ");
        }
        s.changes().forEach(c -> wrap("Change: " + c, "    "));
        if (!Format.serverErrors(s).isEmpty()) {
            wrap(Format.serverErrors(s), "    ");
        }
        if (!s.peakServerErrorMinutes().isEmpty()) {
            StringBuilder b = new StringBuilder("Busiest 5xx minutes:");
            s.peakServerErrorMinutes().forEach(p -> b.append(' ').append(Format.peak(p)).append(';'));
            wrap(b.substring(0, b.length() - 1), "    ");
        }
        List<TimeTakenSummary> errors = s.timeTaken().stream().filter(t -> t.status() >= 400).toList();
        if (!errors.isEmpty()) {
            line("  time-taken of errors (ms):  p50 / p90 / p99 / max");
            for (TimeTakenSummary t : errors) {
                line(String.format(Locale.ROOT, "    %-12s %3d  %,8d x  %,7d / %,7d / %,7d / %,7d",
                        t.site().isEmpty() ? "-" : t.site(), t.status(), t.count(), t.p50(), t.p90(), t.p99(), t.max()));
            }
        }
        line("");
    }

    private void inputs(List<InputFile> inputs) {
        heading("INPUTS (" + inputs.size() + ")");
        for (InputFile f : inputs) {
            line("  " + f.name() + "  " + Format.inputState(f));
            for (String note : f.notes()) {
                wrap("note: " + note, "      ");
            }
            for (LineProblem p : f.problems()) {
                wrap("! " + p.location() + ": " + p.reason(), "      ");
            }
            if (f.rejected() > f.problems().size()) {
                line("      ! ... and " + Format.n(f.rejected() - f.problems().size()) + " more rejected lines");
            }
        }
        line("");
    }

    private void diagnoses(List<ReportedDiagnosis> diagnoses) {
        heading("DIAGNOSES (" + diagnoses.size() + ")");
        if (diagnoses.isEmpty()) {
            line("  No problems found in the evidence.");
            line("");
        }
        for (ReportedDiagnosis d : diagnoses) {
            wrap("* [" + d.severity() + ", " + d.certainty() + "] " + d.title(), "    ");
            line("    " + d.id() + "; " + d.target().text() + "; " + d.section()
                    + (d.firstSeen().isEmpty() ? "" : "; " + Format.window(d.firstSeen(), d.lastSeen())));
            wrap(d.explanation(), "    ", "    ");
            // Diagnoses show one sample per item; the actions above carry more.
            evidence(d.evidence(), d.evidenceTotal(), 1);
            d.known().forEach(k -> wrap("Known: " + k, "      ", "    "));
            for (DiagnosisReport.PlanItem p : d.plan()) {
                wrap("Plan, " + p.role() + ": " + p.action() + (p.rank() > 0 ? " (action " + p.rank() + ")" : " (" + p.note() + ")"),
                        "      ", "    ");
            }
            line("    Rules: " + String.join(", ", d.rules()));
            line("");
        }
    }

    private void actions(List<RankedAction> actions) {
        heading("ACTIONS (" + actions.size() + ", in order)");
        if (actions.isEmpty()) {
            line("  Nothing to do.");
            line("");
        }
        for (RankedAction a : actions) {
            wrap(a.rank() + ". [" + a.priority() + "] " + a.title(), "     ");
            line("     " + a.id() + "; " + a.role() + " for " + String.join(", ", a.serves()) + "; " + a.target().text()
                    + "; " + a.kind() + "; cost " + a.cost() + "; risk " + a.risk()
                    + (a.changesServerState() ? "; changes the server" : ""));
            wrap("Why: " + a.why(), "     ", "     ");
            for (String c : a.caveats()) {
                wrap("CAUTION: " + c, "     ", "     ");
            }
            if (!a.requires().isEmpty()) {
                line("     Requires first: " + String.join(", ", a.requires()));
            }
            if (a.brief()) {
                line("     " + Format.BRIEF);
            }
            list("Steps", a.steps(), true);
            list("Verify", a.verify(), false);
            list("Risks", a.risks(), false);
            list("Revert", a.revert(), true);
            if (!a.evidence().isEmpty()) {
                line("     Evidence:");
                evidence(a.evidence(), a.evidenceTotal(), ACTION_SAMPLES);
            }
            if (!a.rationale().isEmpty()) {
                wrap("Order: " + Format.rationale(a.rationale()), "       ", "     ");
            }
            line("");
        }
    }

    private void notRecommended(List<DiagnosisReport.NotRecommended> skipped) {
        if (skipped.isEmpty()) {
            return;
        }
        heading("NOT RECOMMENDED (" + skipped.size() + ", the case already shows what they would collect)");
        for (DiagnosisReport.NotRecommended n : skipped) {
            wrap("- " + n.action() + " for " + n.diagnosis() + " (" + n.target() + "): " + n.why(), "    ");
        }
        line("");
    }

    private void questions(List<OpenQuestion> questions, List<RankedAction> actions) {
        heading("OPEN QUESTIONS (" + questions.size() + ")");
        if (questions.isEmpty()) {
            line("  None.");
        }
        for (OpenQuestion q : questions) {
            wrap("? " + q.text(), "    ");
            wrap(q.why(), "    ", "    ");
            if (!q.answeredBy().isEmpty()) {
                String rank = actions.stream().filter(a -> a.id().equals(q.answeredBy())).map(a -> "action " + a.rank() + ", ")
                        .findFirst().orElse("");
                line("    Answered by: " + rank + q.answeredBy());
            }
            line("    Rules: " + String.join(", ", q.rules()));
        }
        line("");
    }

    private void benign(List<BenignNote> notes) {
        if (notes.isEmpty()) {
            return;
        }
        heading("RECOGNISED AS NORMAL (" + notes.size() + ", not escalated)");
        for (BenignNote b : notes) {
            wrap("- " + b.summary(), "    ");
            wrap(b.reason() + " [" + b.rule() + "]", "    ", "    ");
        }
        line("");
    }

    private void whyNot(DiagnosisReport.WhyNot w) {
        heading("WHY NOT " + w.actionId());
        wrap(w.actionId() + ": " + w.verdict() + ".", "    ");
        if (w.candidates().isEmpty()) {
            line("  No rule can recommend it.");
        }
        for (DiagnosisReport.Candidate c : w.candidates()) {
            line("  rule " + c.rule() + " (" + c.location() + "): " + (c.fired() ? "fired" : "did not fire"));
            c.conditions().forEach(x -> wrap("- " + x, "        ", "      "));
        }
        w.catalogRoutes().forEach(r -> wrap("catalog: " + r, "    "));
        line("");
    }

    private void trace(List<DiagnosisReport.TracedFiring> firings) {
        heading("FIRING TRAIL (" + firings.size() + " firings)");
        for (var f : firings) {
            line("  " + f.sequence() + ". " + f.ruleId());
            f.matched().forEach(m -> line("       matched  " + Format.cut(m, SAMPLE_WIDTH)));
            f.inserted().forEach(i -> line("       inserted " + Format.cut(i, SAMPLE_WIDTH)));
        }
        line("");
    }

    private void evidence(List<EvidenceItem> items, int total, int samplesPerItem) {
        for (EvidenceItem e : items) {
            wrap("- " + e.summary(), "       ", "     ");
            for (SampleLine s : e.samples().subList(0, Math.min(samplesPerItem, e.samples().size()))) {
                line("         " + Format.cut(s.location() + "  " + s.text(), SAMPLE_WIDTH));
            }
        }
        if (total > items.size()) {
            line("       ... and " + (total - items.size()) + " more");
        }
    }

    private void list(String title, List<String> items, boolean numbered) {
        if (items.isEmpty()) {
            return;
        }
        line("     " + title + ":");
        for (int i = 0; i < items.size(); i++) {
            String bullet = numbered ? (i + 1) + ". " : "- ";
            String[] lines = items.get(i).split("\n", -1);
            wrap(bullet + lines[0], "         ", "       ");
            for (int j = 1; j < lines.length; j++) {
                if (!lines[j].isEmpty()) {
                    line("         " + lines[j]);
                }
            }
        }
    }

    private void heading(String text) {
        line(text);
    }

    /**
     * Every line of the report passes here, so no value from a case (a log field, a file or zip-entry
     * name, an event message) can reach a terminal as an escape sequence, a bare CR or backspace that
     * overwrites what was printed, or a bidi override that reorders it: those are shown as {@code \x1b},
     * {@code \u202e}. Fixed text has none of them, so it is unchanged.
     */
    private void line(String text) {
        out.append(Format.display(text)).append('\n');
    }

    private void wrap(String text, String continuation) {
        wrap(text, continuation, "  ");
    }

    /** Word-wraps {@code text} at {@link #WIDTH}; the first line gets {@code first} as indent. */
    private void wrap(String text, String continuation, String first) {
        StringBuilder current = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && current.length() + 1 + word.length() > WIDTH) {
                line(current.toString());
                current.setLength(0);
                current.append(continuation);
                empty = true;
            }
            if (!empty) {
                current.append(' ');
            }
            current.append(word);
            empty = false;
        }
        line(current.toString());
    }

}
