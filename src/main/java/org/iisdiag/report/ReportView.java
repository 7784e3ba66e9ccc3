package org.iisdiag.report;

import java.util.List;
import java.util.function.Function;

import org.iisdiag.facts.SampleLine;
import org.iisdiag.report.DiagnosisReport.EvidenceItem;
import org.iisdiag.report.DiagnosisReport.RankedAction;
import org.iisdiag.report.DiagnosisReport.ReportedDiagnosis;

/**
 * What the HTML and Markdown templates show, built once from a report: every sentence already said by
 * {@link Format} (as the text report says it) and every value passed through {@link Format#display},
 * so the templates only arrange and escape. Nothing here is markup: the templates' output format
 * escapes every string (HTML, or Markdown by {@link MarkdownOutputFormat}).
 */
public record ReportView(String caseFolder, String tool, String detailNote, Verdict verdict, List<String> timeline,
                  List<Action> actions, List<Diagnosis> diagnoses, List<Question> questions,
                  List<Skipped> notRecommended, List<String> summary, List<Input> inputs, List<Benign> benign) {

    public record Verdict(String severity, String headline, boolean clean, List<String> happened, List<String> alsoSeen,
                   List<String> doNow, List<String> missing) {
    }

    public record Action(String rank, String priority, String title, String id, String role, List<String> serves,
                  String target, String kind, String cost, String risk, boolean changesServer, Prose why,
                  List<String> caveats, List<String> requires, String brief, List<Step> steps, List<Step> verify,
                  List<Step> risks, List<Step> revert, List<Evidence> evidence, String evidenceTotal,
                  List<String> rules, String order) {
    }

    /** A catalog step: its first line is prose, the lines after it a command shown verbatim. */
    public record Step(Prose prose, List<String> command) {
    }

    public record Evidence(String summary, List<Sample> samples) {
    }

    /** A sample line: where it is, the line, and the line cut for formats that show it on one line. */
    public record Sample(String location, String text, String cut) {
    }

    public record Diagnosis(String severity, String title, String certainty, String id, String target, String window,
                     Prose explanation, List<Evidence> evidence, String evidenceTotal, List<String> known,
                     List<Plan> plan, List<String> rules) {
    }

    /** A step of a diagnosis's plan: its role, the action, and "action 3" or why it is not recommended. */
    public record Plan(String role, String action, String outcome) {
    }

    public record Question(String text, String why, String answeredBy, String answeredByRank) {
    }

    public record Skipped(String action, String diagnosis, String target, String why) {
    }

    public record Input(String name, String state, List<String> notes, List<Problem> problems, String more) {
    }

    public record Problem(String location, String reason) {
    }

    public record Benign(String summary, String reason, String rule) {
    }

    static ReportView of(DiagnosisReport r) {
        var v = r.verdict();
        var s = r.summary();
        String headline = Format.serverErrors(s).isEmpty() ? "" : Format.serverErrors(s) + "; " + Format.busiestMinute(s);
        Verdict verdict = new Verdict(d(v.severity()), d(headline), v.happened().isEmpty() && v.alsoSeen().isEmpty(),
                texts(v.happened(), Format::verdictLine), texts(v.alsoSeen(), Format::alsoSeen),
                texts(v.doNow(), Format::verdictAction), texts(v.missing(), x -> x));
        return new ReportView(d(s.caseFolder()), d(r.tool()), d(Format.detailNote(r)), verdict,
                texts(Sparkline.lines(r.timeline()), x -> x), map(r.actions(), ReportView::action),
                map(r.diagnoses(), ReportView::diagnosis),
                map(r.questions(), q -> new Question(d(q.text()), d(q.why()), d(q.answeredBy()), d(Format.actionRank(r.actions(),
                        q.answeredBy())))),
                map(r.notRecommended(), n -> new Skipped(d(n.action()), d(n.diagnosis()), d(n.target()), d(n.why()))),
                texts(Format.summaryLines(s), x -> x),
                map(r.inputs(), f -> new Input(d(f.name()), d(Format.inputState(f)), texts(f.notes(), x -> x),
                        map(f.problems(), p -> new Problem(d(p.location()), d(p.reason()))), d(Format.moreRejected(f)))),
                map(r.benign(), b -> new Benign(d(b.summary()), d(b.reason()), d(b.rule()))));
    }

    private static Action action(RankedAction a) {
        return new Action(Integer.toString(a.rank()), d(a.priority()), d(a.title()), d(a.id()), d(a.role()),
                texts(a.serves(), x -> x), d(a.target().text()), d(a.kind()), d(a.cost()), d(a.risk()),
                a.changesServerState(), Prose.of(a.why()), texts(a.caveats(), x -> x), texts(a.requires(), x -> x),
                a.brief() ? Format.BRIEF : "", steps(a.steps()), steps(a.verify()), steps(a.risks()), steps(a.revert()),
                evidence(a.evidence()), Format.n(a.evidenceTotal()), texts(a.rules(), x -> x),
                d(Format.rationale(a.rationale())));
    }

    private static Diagnosis diagnosis(ReportedDiagnosis x) {
        return new Diagnosis(d(x.severity()), d(x.title()), d(x.certainty()), d(x.id()), d(x.target().text()),
                d(Format.window(x.firstSeen(), x.lastSeen())), Prose.of(x.explanation()), evidence(x.evidence()),
                Format.n(x.evidenceTotal()), texts(x.known(), k -> k),
                map(x.plan(), p -> new Plan(d(p.role()), d(p.action()), d(Format.planOutcome(p)))), texts(x.rules(), k -> k));
    }

    private static List<Step> steps(List<String> items) {
        return items.stream().map(item -> {
            String[] lines = item.split("\n", -1);
            List<String> command = java.util.Arrays.stream(lines).skip(1).filter(l -> !l.isEmpty()).map(ReportView::d).toList();
            return new Step(Prose.of(lines[0]), command);
        }).toList();
    }

    private static List<Evidence> evidence(List<EvidenceItem> items) {
        return items.stream().map(e -> new Evidence(d(e.summary()), e.samples().stream().map(ReportView::sample).toList()))
                .toList();
    }

    private static Sample sample(SampleLine s) {
        return new Sample(d(s.location()), d(s.text()), d(Format.cut(s.text(), TextRenderer.SAMPLE_WIDTH)));
    }

    private static <T> List<String> texts(List<T> items, Function<T, String> say) {
        return items.stream().map(say).map(ReportView::d).toList();
    }

    private static <T, V> List<V> map(List<T> items, Function<T, V> make) {
        return items.stream().map(make).toList();
    }

    private static String d(String s) {
        return Format.display(s);
    }
}
