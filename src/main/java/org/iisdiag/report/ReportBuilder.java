package org.iisdiag.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.iisdiag.conclusions.Benign;
import org.iisdiag.conclusions.Caveat;
import org.iisdiag.conclusions.Finding;
import org.iisdiag.conclusions.Params;
import org.iisdiag.conclusions.PriorityAdjustment;
import org.iisdiag.conclusions.Question;
import org.iisdiag.conclusions.Recommendation;
import org.iisdiag.engine.Conclusions;
import org.iisdiag.evidence.CaseEvidence;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.IisLogWindow;
import org.iisdiag.facts.ServerEnvironment;
import org.iisdiag.knowledge.ActionDefinition;
import org.iisdiag.knowledge.FindingDefinition;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.QuestionDefinition;
import org.iisdiag.knowledge.Severity;
import org.iisdiag.knowledge.Template;
import org.iisdiag.report.DiagnosisReport.BenignNote;
import org.iisdiag.report.DiagnosisReport.EvidenceItem;
import org.iisdiag.report.DiagnosisReport.OpenQuestion;
import org.iisdiag.report.DiagnosisReport.RankedAction;
import org.iisdiag.report.DiagnosisReport.ReportedFinding;
import org.iisdiag.report.DiagnosisReport.ScoreReason;

/**
 * Turns the rules' conclusions into the report: merges recommendations of the same action for the
 * same target, scores them (base + the prioritization rules' votes), fills catalog templates for this
 * server, and orders everything deterministically (ties broken by stable ids).
 */
public final class ReportBuilder {
    /** Every action starts here; prioritization rules move it up or down. */
    public static final int BASE_SCORE = 50;
    /** Evidence items shown per conclusion; the total is reported alongside. */
    static final int MAX_EVIDENCE_ITEMS = 8;

    private final KnowledgeBase kb;

    public ReportBuilder(KnowledgeBase kb) {
        this.kb = kb;
    }

    public DiagnosisReport build(CaseEvidence evidence, Conclusions conclusions, String tool) {
        Placeholders placeholders = new Placeholders(evidence.env().server(), evidence.env().sites(), kb.globals());
        return new DiagnosisReport(DiagnosisReport.SCHEMA_VERSION, tool, summary(evidence),
                inputs(evidence.reports()), findings(conclusions.findings(), placeholders),
                actions(conclusions, placeholders), questions(conclusions.questions(), placeholders),
                benign(conclusions.benign()), null, null);
    }

    static String priorityLabel(int score) {
        if (score >= 85) {
            return "P1";
        }
        if (score >= 70) {
            return "P2";
        }
        return score >= 55 ? "P3" : "P4";
    }

    private static DiagnosisReport.Summary summary(CaseEvidence e) {
        long lines = 0;
        long entries = 0;
        long rejected = 0;
        int read = 0;
        int notUsed = 0;
        int failed = 0;
        for (ReadReport r : e.reports()) {
            if (r.failed()) {
                failed++;
            } else if (!r.kind().supported()) {
                notUsed++;
            } else {
                read++;
            }
            lines += r.lines();
            entries += r.entries();
            rejected += r.rejected();
        }
        ServerEnvironment s = e.env().server();
        DiagnosisReport.Environment env = new DiagnosisReport.Environment(s.serverName(), s.iisVersion(),
                s.applicationType().key(), s.internetFacing().name().toLowerCase(java.util.Locale.ROOT),
                s.tracingInstalled().name().toLowerCase(java.util.Locale.ROOT),
                e.env().sites().stream().map(x -> new DiagnosisReport.Site(x.id(), x.logLabel(), x.name(), x.appPool(),
                        x.applicationType().key())).toList(),
                e.env().reported().stream().map(r -> r.status()).toList());
        IisLogWindow w = e.window().orElse(null);
        return new DiagnosisReport.Summary(e.caseFolder(), read, notUsed, failed, lines, entries, rejected,
                w == null ? "" : w.first().toString(), w == null ? "" : w.last().toString(),
                w == null ? 0 : w.requests(), w == null ? 0 : w.clientErrors(), w == null ? 0 : w.serverErrors(),
                e.httpErrEntries(), env,
                e.peakServerErrorMinutes(),
                e.timeTaken());
    }

    private static List<DiagnosisReport.InputFile> inputs(List<ReadReport> reports) {
        return reports.stream().map(r -> new DiagnosisReport.InputFile(r.file(), r.kind().label(),
                r.kind().supported() && !r.failed(), r.lines(), r.entries(), r.rejected(), r.problems(), r.notes(),
                r.fatalError() == null ? "" : r.fatalError())).toList();
    }

    private List<ReportedFinding> findings(List<Finding> findings, Placeholders placeholders) {
        List<ReportedFinding> out = new ArrayList<>();
        // Findings that read the same (same id and title, e.g. one pool seen by two rules) are one finding.
        Function<Finding, String> sameTitle = f -> f.findingId() + "\u0000" + Template.fill(kb.finding(f.findingId()).title(),
                placeholders.forProse(f.params(), kb.finding(f.findingId()).params()));
        for (List<Finding> group : byKey(findings.stream().sorted(Comparator.comparing(Finding::key)).toList(), sameTitle)) {
            Finding first = group.get(0);
            FindingDefinition def = kb.finding(first.findingId());
            Function<String, String> values = placeholders.forProse(first.params(), def.params());
            Severity severity = first.params().containsKey("severity")
                    ? Severity.valueOf(first.params().get("severity")) : def.severity();
            String confidence = group.stream().map(Finding::confidence).max(Comparator.naturalOrder()).orElseThrow()
                    .name().toLowerCase(java.util.Locale.ROOT);
            out.add(new ReportedFinding(def.id(), Template.fill(def.title(), values),
                    severity.name().toLowerCase(java.util.Locale.ROOT), confidence, def.section(),
                    Template.fill(def.explanation(), values).replaceAll("\\s+", " ").strip(),
                    evidenceItems(group.stream().flatMap(f -> f.evidence().stream()).toList()),
                    group.stream().map(Finding::ruleId).distinct().sorted().toList()));
        }
        out.sort(Comparator.comparing((ReportedFinding f) -> Severity.valueOf(f.severity().toUpperCase(java.util.Locale.ROOT)))
                .reversed()
                .thenComparing(f -> -totalOccurrences(f.evidence()))
                .thenComparing(ReportedFinding::id).thenComparing(ReportedFinding::title));
        return out;
    }

    /** Conclusions of the same thing (same id and parameters, from several rules), in key order. */
    private static <T> java.util.Collection<List<T>> byKey(List<T> items, Function<T, String> key) {
        Map<String, List<T>> groups = new TreeMap<>();
        for (T item : items) {
            groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
        }
        return groups.values();
    }

    private static long totalOccurrences(List<EvidenceItem> items) {
        return items.stream().mapToLong(EvidenceItem::occurrences).sum();
    }

    /** Recommendations of one action for one target, with the adjustments and caveats that name them. */
    private static final class ActionGroup {
        final ActionDefinition def;
        final SortedMap<String, String> params;
        final List<Recommendation> recommendations = new ArrayList<>();
        final Map<String, ScoreReason> votes = new TreeMap<>();
        final Set<String> caveats = new LinkedHashSet<>();

        ActionGroup(ActionDefinition def, SortedMap<String, String> params) {
            this.def = def;
            this.params = params;
        }

        int score() {
            return BASE_SCORE + votes.values().stream().mapToInt(ScoreReason::delta).sum();
        }
    }

    private List<RankedAction> actions(Conclusions c, Placeholders placeholders) {
        // Merge key: action id + the declared parameters (after env.yaml derivations).
        Map<String, ActionGroup> groups = new TreeMap<>();
        Map<String, ActionGroup> groupByRawKey = new LinkedHashMap<>();
        for (Recommendation r : c.recommendations()) {
            ActionDefinition def = kb.action(r.actionId());
            if (def == null) {
                throw new IllegalStateException("rule " + r.ruleId() + " recommended unknown action '" + r.actionId() + "'");
            }
            // Only the parameters the action uses decide its identity; extra ones a rule passed do not.
            TreeMap<String, String> declared = placeholders.withDerived(r.params());
            declared.keySet().retainAll(def.params().keySet());
            String key = Params.key(def.id(), declared);
            ActionGroup g = groups.computeIfAbsent(key, k -> new ActionGroup(def, declared));
            g.recommendations.add(r);
            groupByRawKey.put(r.key(), g);
        }
        for (PriorityAdjustment a : c.adjustments()) {
            ActionGroup g = groupByRawKey.get(a.actionKey());
            if (g != null) {
                // One vote per rule per action, even when it matched several merged recommendations.
                g.votes.merge(a.ruleId(), new ScoreReason(a.delta(), a.reason(), a.ruleId()),
                        (x, y) -> Math.abs(y.delta()) > Math.abs(x.delta()) ? y : x);
            }
        }
        for (Caveat cv : c.caveats()) {
            ActionGroup g = groupByRawKey.get(cv.actionKey());
            if (g != null) {
                g.caveats.add(cv.text());
            }
        }
        List<ActionGroup> ranked = new ArrayList<>(groups.values());
        ranked.sort(Comparator.comparingInt(ActionGroup::score).reversed()
                .thenComparing(g -> g.def.id()).thenComparing(g -> g.params.toString()));
        List<RankedAction> out = new ArrayList<>();
        for (ActionGroup g : ranked) {
            ActionDefinition d = g.def;
            Function<String, String> values = placeholders.forAction(placeholders.withDerived(g.params), d.params());
            List<EvidenceFact> facts = g.recommendations.stream().flatMap(r -> r.evidence().stream()).toList();
            List<ScoreReason> scoring = new ArrayList<>();
            scoring.add(new ScoreReason(BASE_SCORE, "base score", ""));
            g.votes.values().stream().sorted(Comparator.comparingInt((ScoreReason s) -> -s.delta())
                    .thenComparing(ScoreReason::rule)).forEach(scoring::add);
            out.add(new RankedAction(out.size() + 1, d.id(), priorityLabel(g.score()), g.score(),
                    Template.fill(d.title(), values), d.section(), lower(d.kind()), lower(d.cost()), lower(d.risk()),
                    d.changesServerState(), fill(d.why(), values), evidenceItems(facts), distinctCount(facts),
                    g.recommendations.stream().map(Recommendation::ruleId).distinct().sorted().toList(),
                    fillAll(d.steps(), values), fillAll(d.risks(), values), fillAll(d.revert(), values),
                    fillAll(d.verify(), values), List.copyOf(g.caveats), scoring));
        }
        return out;
    }

    private List<OpenQuestion> questions(List<Question> questions, Placeholders placeholders) {
        List<OpenQuestion> out = new ArrayList<>();
        for (List<Question> group : byKey(questions, Question::key)) {
            Question first = group.get(0);
            QuestionDefinition def = kb.question(first.questionId());
            Function<String, String> values = placeholders.forProse(first.params(), def.params());
            out.add(new OpenQuestion(def.id(), Template.fill(def.text(), values), fill(def.why(), values),
                    def.answeredBy() == null ? "" : def.answeredBy(),
                    group.stream().map(Question::ruleId).distinct().sorted().toList()));
        }
        return out;
    }

    private static List<BenignNote> benign(List<Benign> benign) {
        return benign.stream()
                .map(b -> new BenignNote(b.fact().describe(), b.fact().occurrences(), b.reason(), b.ruleId()))
                .distinct()
                .sorted(Comparator.comparingLong(BenignNote::occurrences).reversed()
                        .thenComparing(BenignNote::summary).thenComparing(BenignNote::rule))
                .toList();
    }

    private static List<EvidenceItem> evidenceItems(List<EvidenceFact> facts) {
        return facts.stream().distinct()
                .sorted(Comparator.comparingLong(EvidenceFact::occurrences).reversed()
                        .thenComparing(EvidenceFact::describe))
                .limit(MAX_EVIDENCE_ITEMS)
                .map(f -> new EvidenceItem(f.describe(), f.occurrences(), f.samples()))
                .toList();
    }

    private static int distinctCount(List<EvidenceFact> facts) {
        return (int) facts.stream().distinct().count();
    }

    private static String fill(String text, Function<String, String> values) {
        return Template.fill(text, values).replaceAll("\\s+", " ").strip();
    }

    private static List<String> fillAll(List<String> texts, Function<String, String> values) {
        return texts.stream().map(t -> Template.fill(t, values)).toList();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT);
    }
}
