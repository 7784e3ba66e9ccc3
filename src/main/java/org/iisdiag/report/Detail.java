package org.iisdiag.report;

import java.util.List;

import org.iisdiag.report.DiagnosisReport.EvidenceItem;
import org.iisdiag.report.DiagnosisReport.InputFile;
import org.iisdiag.report.DiagnosisReport.RankedAction;
import org.iisdiag.report.DiagnosisReport.ReportedDiagnosis;

/**
 * How much of a report to show (--detail). {@code summary}: the verdict and the first actions, for a
 * chat message or a ticket's first comment; {@code normal}: every action and diagnosis with a few
 * evidence items and one sample line each, the actions after the first few in brief (title, why and their
 * first evidence item without samples or order reasons), so the Markdown of a busy case stays under
 * 60,000 characters, within a GitHub issue body (65,536); {@code full}: all of
 * it. Cutting is done on the report, so every format shows the same; what was left out is counted in
 * the report, and JSON (full by default) always has it.
 */
public enum Detail {
    summary(5, 5, 2, 0, 0, 0),
    normal(Integer.MAX_VALUE, 5, 3, 1, 8, 3),
    full(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);

    private final int actions;
    /** Actions shown with their steps; the rest in brief (title, why, evidence). */
    private final int actionsInFull;
    private final int evidenceItems;
    private final int samples;
    private final int benign;
    private final int problemsPerFile;

    Detail(int actions, int actionsInFull, int evidenceItems, int samples, int benign, int problemsPerFile) {
        this.actions = actions;
        this.actionsInFull = actionsInFull;
        this.evidenceItems = evidenceItems;
        this.samples = samples;
        this.benign = benign;
        this.problemsPerFile = problemsPerFile;
    }

    /** The report cut to this detail; {@code full} returns it as it is. */
    public DiagnosisReport apply(DiagnosisReport r) {
        if (this == full) {
            return r.atDetail(name(), 0);
        }
        int[] cut = {0};
        List<RankedAction> acts = r.actions().stream().limit(actions).map(a -> a.rank() > actionsInFull
                ? a.inBrief(evidence(a.evidence().subList(0, Math.min(1, a.evidence().size())), cut, a.evidence().size(), 0))
                : new RankedAction(a.rank(), a.id(), a.tier(), a.priority(), a.title(), a.section(), a.kind(), a.cost(),
                a.risk(), a.changesServerState(), a.target(), a.serves(), a.role(), a.why(), evidence(a.evidence(), cut),
                a.evidenceTotal(), a.steps(), a.verify(), a.risks(), a.revert(), a.caveats(), a.requires(),
                this == summary ? List.of() : a.rationale(), a.rules(), false)).toList();
        cut[0] += r.actions().size() - acts.size() + (this == summary ? r.diagnoses().size() : 0);
        // the summary's verdict names every diagnosis; their details are for the longer reports
        List<ReportedDiagnosis> diags = this == summary ? List.of() : r.diagnoses().stream().map(d -> new ReportedDiagnosis(d.id(), d.title(),
                d.certainty(), d.severity(), d.section(), d.target(), d.explanation(), d.firstSeen(), d.lastSeen(),
                d.reach(), d.isolated(), evidence(d.evidence(), cut, d.evidence().size(), diagnosisSamples()),
                d.evidenceTotal(), d.known(), d.plan(),
                d.rules())).toList();
        List<InputFile> inputs = r.inputs().stream()
                .filter(f -> this != summary || !f.error().isEmpty() || f.rejected() > 0)
                .map(f -> new InputFile(f.name(), f.kind(), f.used(), f.lines(), f.entries(), f.rejected(),
                        f.problems().stream().limit(problemsPerFile).toList(), f.notes(), f.error())).toList();
        cut[0] += r.benign().size() - Math.min(benign, r.benign().size());
        return new DiagnosisReport(r.schemaVersion(), r.tool(), name(), 0, r.summary(), r.verdict(), r.timeline(),
                inputs, diags, acts, r.notRecommended(), r.questions(), r.benign().stream().limit(benign).toList(),
                r.whyNot(), r.trace()).atDetail(name(), cut[0]);
    }

    /** Sample lines per evidence item of a diagnosis: its actions show the samples, except in full. */
    private int diagnosisSamples() {
        return this == full ? samples : 0;
    }

    private List<EvidenceItem> evidence(List<EvidenceItem> items, int[] cut, int had) {
        return evidence(items, cut, had, samples);
    }

    private List<EvidenceItem> evidence(List<EvidenceItem> items, int[] cut) {
        return evidence(items, cut, items.size(), samples);
    }

    private List<EvidenceItem> evidence(List<EvidenceItem> items, int[] cut, int had, int samplesEach) {
        cut[0] += had - items.size();
        List<EvidenceItem> kept = items.stream().limit(evidenceItems).map(e -> new EvidenceItem(e.summary(),
                e.occurrences(), e.context(), e.samples().stream().limit(samplesEach).toList())).toList();
        cut[0] += items.size() - kept.size();
        return kept;
    }
}
