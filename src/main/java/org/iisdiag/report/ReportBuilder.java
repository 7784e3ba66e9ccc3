package org.iisdiag.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import org.iisdiag.conclusions.Benign;
import org.iisdiag.conclusions.Caveat;
import org.iisdiag.conclusions.Certainty;
import org.iisdiag.conclusions.Diagnosis;
import org.iisdiag.conclusions.Known;
import org.iisdiag.conclusions.NotPlanned;
import org.iisdiag.conclusions.PlanRole;
import org.iisdiag.conclusions.PlannedAction;
import org.iisdiag.conclusions.Question;
import org.iisdiag.conclusions.Reach;
import org.iisdiag.conclusions.Target;
import org.iisdiag.conclusions.Tier;
import org.iisdiag.conclusions.Weight;
import org.iisdiag.engine.Conclusions;
import org.iisdiag.evidence.CaseEvidence;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.IisLogWindow;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.ServerEnvironment;
import org.iisdiag.facts.ServerTraffic;
import org.iisdiag.knowledge.ActionDefinition;
import org.iisdiag.knowledge.Condition;
import org.iisdiag.knowledge.DiagnosisDefinition;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.QuestionDefinition;
import org.iisdiag.knowledge.Requirement;
import org.iisdiag.knowledge.Severity;
import org.iisdiag.knowledge.Step;
import org.iisdiag.knowledge.Template;
import org.iisdiag.report.DiagnosisReport.BenignNote;
import org.iisdiag.report.DiagnosisReport.EvidenceItem;
import org.iisdiag.report.DiagnosisReport.NotRecommended;
import org.iisdiag.report.DiagnosisReport.OpenQuestion;
import org.iisdiag.report.DiagnosisReport.PlanItem;
import org.iisdiag.report.DiagnosisReport.RankedAction;
import org.iisdiag.report.DiagnosisReport.Reason;
import org.iisdiag.report.DiagnosisReport.ReportedDiagnosis;
import org.iisdiag.report.DiagnosisReport.TargetRef;
import org.iisdiag.targets.TargetDirectory;

/**
 * Turns the rules' conclusions into the report. Diagnoses of the same thing for the same target merge;
 * plan steps naming the same action for the same target (at the action's scope) become one action,
 * the URLs and counts of its diagnoses merged. Each action takes the best tier any of its plan steps
 * got from the ranking rules, then the sum of that step's weights; prerequisites move right before
 * what needs them. Steps are fitted to the case (conditions, values). Everything is ordered
 * deterministically, ties broken by stable ids.
 */
public final class ReportBuilder {
    /** Evidence items shown per conclusion; the total is reported alongside. */
    static final int MAX_EVIDENCE_ITEMS = 8;
    /** Actions the verdict names. */
    static final int VERDICT_ACTIONS = 3;

    private final KnowledgeBase kb;

    public ReportBuilder(KnowledgeBase kb) {
        this.kb = kb;
    }

    public DiagnosisReport build(CaseEvidence evidence, Conclusions c, String tool) {
        TargetDirectory targets = TargetDirectory.of(evidence.facts());
        // benign facts are never counted as a diagnosis's own entries (a back end's drops are the same
        // requests as ARR's 502s); they are shown as normal only where no diagnosis rests on them
        Set<EvidenceFact> benign = new java.util.HashSet<>();
        c.benign().forEach(b -> benign.add(b.fact()));
        Set<EvidenceFact> normal = normalFacts(c);
        // statuses users reported that the log shows only a handful of times: what shows them is never "isolated"
        Set<Integer> reportedStatuses = new java.util.TreeSet<>();
        long allRequests = evidence.window().map(IisLogWindow::requests).orElse(0L);
        evidence.env().reported().forEach(r -> {
            long n = Reach.of(evidence.facts().stream().filter(EvidenceFact.class::isInstance).map(EvidenceFact.class::cast)
                    .filter(f -> f.status() == r.status()).toList(), benign);
            if (Reach.isolated(n, allRequests)) {
                reportedStatuses.add(r.status());
            }
        });
        Requests requests = new Requests(evidence.window().orElse(null),
                evidence.facts().stream().filter(ServerTraffic.class::isInstance).toList());
        CaseValues values = new CaseValues(evidence.env().server(), evidence.env().sites(), targets, kb.globals(),
                evidence.facts());
        List<ActionGroup> groups = actionGroups(c, values);
        List<RankedAction> actions = new ArrayList<>();
        Map<ActionGroup, Integer> ranks = new java.util.IdentityHashMap<>();
        for (ActionGroup g : groups) {
            ranks.put(g, actions.size() + 1);
            actions.add(g.render(actions.size() + 1, values, benign));
        }
        List<ReportedDiagnosis> diagnoses = diagnoses(c, values, groups, ranks, benign, requests, reportedStatuses);
        List<OpenQuestion> questions = questions(c.questions(), values);
        DiagnosisReport.Summary summary = summary(evidence, c);
        return new DiagnosisReport(DiagnosisReport.SCHEMA_VERSION, tool, Detail.full.name(), 0, summary,
                verdict(diagnoses, actions, questions), TimelineBuilder.of(evidence, normalReasons(evidence, normal)),
                inputs(evidence.reports()),
                diagnoses, actions,
                notRecommended(c.notPlanned()), questions, benign(c.benign(), normal), null, null);
    }

    // ---- diagnoses -------------------------------------------------------------------------------

    /** What a diagnosis says: its id and the parameters its title shows (aggregates aside). */
    private String kindKey(Diagnosis d) {
        DiagnosisDefinition def = kb.diagnosis(d.diagnosisId());
        StringBuilder b = new StringBuilder(d.diagnosisId());
        for (String name : Template.placeholders(def.title())) {
            if (!CaseValues.AGGREGATES.contains(name)) {
                b.append('|').append(name).append('=').append(d.params().getOrDefault(name, ""));
            }
        }
        return b.toString();
    }

    /** Identity of a diagnosis: what it says, about which target. */
    private String identity(Diagnosis d) {
        return kindKey(d) + "@" + about(d).key();
    }

    /** The target a diagnosis is about, cut to the scope its definition names. */
    private Target about(Diagnosis d) {
        return kb.diagnosis(d.diagnosisId()).about(d.target());
    }

    private List<ReportedDiagnosis> diagnoses(Conclusions c, CaseValues values, List<ActionGroup> groups,
                                              Map<ActionGroup, Integer> ranks, Set<EvidenceFact> benign,
                                              Requests requests, Set<Integer> reportedStatuses) {
        Map<String, List<Diagnosis>> byIdentity = new TreeMap<>();
        for (Diagnosis d : c.diagnoses()) {
            if (kb.diagnosis(d.diagnosisId()) == null) {
                throw new IllegalStateException("rule " + d.ruleId() + " concluded unknown diagnosis '" + d.diagnosisId() + "'");
            }
            byIdentity.computeIfAbsent(identity(d), k -> new ArrayList<>()).add(d);
        }
        List<List<Diagnosis>> merged = absorb(new ArrayList<>(byIdentity.values()), g -> kindKey(g.get(0)),
                g -> about(g.get(0)), (into, from) -> {
            // the more specific target goes first, so it names the merged diagnosis
            into.addAll(from);
        });
        // the same diagnosis on several servers of a farm is one diagnosis that names them
        Map<String, List<Diagnosis>> acrossServers = new LinkedHashMap<>();
        for (List<Diagnosis> g : merged) {
            Target t = about(g.get(0));
            String key = kindKey(g.get(0)) + "@" + new Target("", t.siteId(), t.siteName(), t.app(), t.appPool()).key();
            acrossServers.computeIfAbsent(key, k -> new ArrayList<>()).addAll(g);
        }
        List<ReportedDiagnosis> out = new ArrayList<>();
        for (List<Diagnosis> group : acrossServers.values()) {
            Diagnosis first = group.get(0);
            Set<String> servers = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            group.forEach(d -> servers.add(about(d).server()));
            DiagnosisDefinition def = kb.diagnosis(first.diagnosisId());
            Certainty certainty = group.stream().map(Diagnosis::certainty).min(Comparator.naturalOrder()).orElseThrow();
            SortedMap<String, String> params = mergeParams(group.stream().map(Diagnosis::params).toList());
            List<EvidenceFact> facts = distinct(group.stream().flatMap(d -> d.evidence().stream()).toList());
            Function<String, String> known = values.known(first.target(), params, facts);
            Function<String, String> text = values.forProse(known, def.params());
            Target about = servers.size() > 1 ? about(first).onServer("") : about(first);
            List<String> knownNotes = c.known().stream().filter(k -> k.target().covers(about) && bears(k, def, facts))
                    .map(k -> k.revelation() + ": " + k.because()).distinct().sorted().toList();
            Set<String> keys = new LinkedHashSet<>();
            group.forEach(d -> keys.add(d.key()));
            List<PlanItem> plan = plan(def, keys, groups, ranks, c.notPlanned(), first.target());
            List<EvidenceFact> counted = counted(facts, benign);
            long reach = Reach.of(facts, benign);
            out.add(new ReportedDiagnosis(def.id(), values.onServers(oneLine(Template.fill(def.title(), text)), servers), certainty.key(),
                    lower(def.severity()), def.section(), ref(about, servers),
                    oneLine(Template.fill(def.explanation(), text)),
                    firstSeen(counted), lastSeen(counted), reach,
                    Reach.isolated(reach, requests.of(servers)) && !reported(facts, reportedStatuses),
                    evidenceItems(facts, benign), facts.size(), knownNotes, plan,
                    group.stream().map(Diagnosis::ruleId).distinct().sorted().toList()));
        }
        // what touched many users first; within that, graver, surer and wider first
        out.sort(Comparator.comparing(ReportedDiagnosis::isolated)
                .thenComparing(Comparator.comparing((ReportedDiagnosis d) -> Severity.valueOf(d.severity().toUpperCase(Locale.ROOT))).reversed())
                .thenComparing(d -> Certainty.valueOf(d.certainty().toUpperCase(Locale.ROOT)))
                .thenComparing(d -> -d.reach())
                .thenComparing(ReportedDiagnosis::id).thenComparing(ReportedDiagnosis::title));
        return out;
    }

    /**
     * Whether what the case already shows bears on a diagnosis: it rests on the same evidence, or it is
     * what one of the diagnosis's plan steps would otherwise collect.
     */
    private boolean bears(Known k, DiagnosisDefinition def, List<EvidenceFact> facts) {
        return k.evidence().stream().anyMatch(facts::contains)
                || def.steps().stream().map(s -> kb.action(s.actionId()))
                        .anyMatch(a -> a != null && a.reveals().contains(k.revelation()));
    }

    /** The diagnosis's plan, each step with the rank of the action it became or why it was left out. */
    private List<PlanItem> plan(DiagnosisDefinition def, Set<String> diagnosisKeys, List<ActionGroup> groups,
                                Map<ActionGroup, Integer> ranks, List<NotPlanned> notPlanned, Target target) {
        List<PlanItem> out = new ArrayList<>();
        for (DiagnosisDefinition.PlanStep step : def.steps()) {
            int rank = 0;
            for (ActionGroup g : groups) {
                if (g.def.id().equals(step.actionId()) && g.plans.stream().anyMatch(p -> diagnosisKeys.contains(p.reasonKey()))) {
                    rank = ranks.get(g);
                    break;
                }
            }
            String note = "";
            if (rank == 0) {
                note = notPlanned.stream().filter(n -> n.actionId().equals(step.actionId()) && n.reason().equals(def.id())
                        && n.target().equals(target)).map(NotPlanned::why).findFirst()
                        .orElse("not recommended for this case");
            }
            out.add(new PlanItem(step.role().key(), step.actionId(), rank, note));
        }
        return out;
    }

    // ---- actions ---------------------------------------------------------------------------------

    /** Plan steps of one action for one target (at the action's scope), and how they rank. */
    private final class ActionGroup {
        final ActionDefinition def;
        final Target target;
        final List<PlannedAction> plans = new ArrayList<>();
        int tier = Integer.MAX_VALUE;
        int weight;
        String tierReason = "";
        String tierRule = "";
        List<Weight> weights = List.of();
        final Set<String> caveats = new LinkedHashSet<>();
        /** Actions this one requires that are in the plan, by id. */
        final Set<String> requires = new LinkedHashSet<>();

        ActionGroup(ActionDefinition def, Target target) {
            this.def = def;
            this.target = target;
        }

        SortedMap<String, String> params() {
            return mergeParams(plans.stream().map(PlannedAction::params).toList());
        }

        List<EvidenceFact> evidence() {
            return distinct(plans.stream().flatMap(p -> p.evidence().stream()).toList());
        }

        RankedAction render(int rank, CaseValues values, Set<EvidenceFact> benign) {
            SortedMap<String, String> params = params();
            List<EvidenceFact> facts = evidence();
            Function<String, String> known = values.known(target, params, facts);
            Function<String, String> text = values.forText(known, def.params());
            Function<String, String> prose = values.forProse(known, def.params());
            List<String> unsafe = new ArrayList<>();
            Function<String, String> command = name -> {
                if (ShellSafety.unsafe(known.apply(name))) {
                    unsafe.add(name);
                    return "<" + name + ", see the evidence>";
                }
                return text.apply(name);
            };
            List<String> steps = fit(def.steps(), known, command);
            List<String> verify = fit(def.verify(), known, command);
            List<String> revert = fit(def.revert(), known, command);
            List<String> cautions = new ArrayList<>(caveats);
            if (!unsafe.isEmpty()) {
                cautions.add("The value of " + String.join(", ", new LinkedHashSet<>(unsafe)) + " has characters a shell"
                        + " would interpret; the commands name it instead of embedding it. Type it by hand, quoted.");
            }
            List<Reason> rationale = new ArrayList<>();
            rationale.add(new Reason("tier", tier, tierReason, tierRule));
            weights.stream().sorted(Comparator.comparingInt((Weight w) -> -w.delta()).thenComparing(Weight::ruleId))
                    .forEach(w -> rationale.add(new Reason("weight", w.delta(), w.reason(), w.ruleId())));
            List<String> serves = plans.stream().map(PlannedAction::reason).distinct().sorted().toList();
            String role = plans.stream().map(PlannedAction::role).min(Comparator.naturalOrder()).orElseThrow().key();
            return new RankedAction(rank, def.id(), tier, "P" + tier,
                    values.onServers(oneLine(Template.fill(def.title(), prose)), Set.of(target.server())),
                    def.section(), lower(def.kind()), lower(def.cost()), lower(def.risk()), def.changesServerState(),
                    ref(target), serves, role, oneLine(Template.fill(def.why(), prose)), evidenceItems(facts, benign), facts.size(),
                    steps, verify, def.risks().stream().map(r -> Template.fill(r, text)).toList(), revert,
                    List.copyOf(cautions), List.copyOf(requires), rationale,
                    plans.stream().map(PlannedAction::ruleId).distinct().sorted().toList(), false);
        }
    }

    /** Steps whose condition the case does not contradict, filled; an undecided condition is spelled out. */
    private static List<String> fit(List<Step> steps, Function<String, String> known, Function<String, String> values) {
        List<String> out = new ArrayList<>();
        for (Step s : steps) {
            Condition.Verdict v = s.condition().evaluate(known);
            if (v == Condition.Verdict.DROP) {
                continue;
            }
            String prefix = v == Condition.Verdict.SHOW_WITH_CONDITION ? s.condition().prefix(known) : "";
            out.add(prefix + Template.fill(s.text(), values));
        }
        return out;
    }

    /**
     * What an action does: its id and the parameters its title shows (aggregates aside). A title
     * placeholder that names the target (appPool, site, server) counts with the value the title will
     * show, the diagnosis's parameter or else the target's own, so that one rule passing the pool by
     * name and another leaving it to the target plan the same action once.
     */
    private static String kindKey(ActionDefinition def, PlannedAction p, Target scoped) {
        StringBuilder b = new StringBuilder(def.id());
        for (String name : Template.placeholders(def.title())) {
            if (CaseValues.AGGREGATES.contains(name)) {
                continue;
            }
            String value = p.params().containsKey(name) ? String.valueOf(p.params().get(name)) : targetValue(name, scoped);
            if (value != null) {
                b.append('|').append(name).append('=').append(value);
            }
        }
        return b.toString();
    }

    /** For merging a conclusion without a target into one with: parameters only, as before. */
    private static final Target NO_TARGET = new Target("", -1, "", "", "");

    /** The target's own value for a title placeholder that names it, or null. */
    private static String targetValue(String name, Target t) {
        String v = switch (name) {
            case "appPool" -> t.appPool();
            case "site" -> t.siteName();
            case "server" -> t.server();
            default -> "";
        };
        return v == null || v.isEmpty() ? null : v;
    }

    /** Identity of an action: what it does, for which target at its scope. */
    private static String identity(ActionDefinition def, Target scoped, PlannedAction p) {
        return kindKey(def, p, scoped) + "@" + scoped.key();
    }

    private List<ActionGroup> actionGroups(Conclusions c, CaseValues values) {
        Map<String, Tier> bestTier = new TreeMap<>();
        for (Tier t : c.tiers()) {
            bestTier.merge(t.plannedKey(), t, (a, b) -> b.tier() < a.tier() ? b : a);
        }
        Map<String, List<Weight>> weights = new TreeMap<>();
        for (Weight w : c.weights()) {
            weights.computeIfAbsent(w.plannedKey(), k -> new ArrayList<>()).add(w);
        }
        Map<String, List<Caveat>> caveats = new TreeMap<>();
        for (Caveat cv : c.caveats()) {
            caveats.computeIfAbsent(cv.plannedKey(), k -> new ArrayList<>()).add(cv);
        }
        Map<String, ActionGroup> groups = new TreeMap<>();
        for (PlannedAction p : c.planned()) {
            ActionDefinition def = kb.action(p.actionId());
            if (def == null) {
                throw new IllegalStateException("rule " + p.ruleId() + " planned unknown action '" + p.actionId() + "'");
            }
            if (p.role() == PlanRole.PREREQUISITE && !prerequisiteApplies(p, values)) {
                continue;
            }
            Target scoped = p.target().at(def.scope());
            ActionGroup g = groups.computeIfAbsent(identity(def, scoped, p), k -> new ActionGroup(def, scoped));
            g.plans.add(p);
            // a prerequisite ranks where the step that needs it ranks
            String rankKey = p.role() == PlanRole.PREREQUISITE ? p.reasonKey() : p.key();
            Tier t = bestTier.get(rankKey);
            int tier = t == null ? 3 : t.tier();
            List<Weight> ws = weights.getOrDefault(rankKey, List.of());
            int weight = ws.stream().mapToInt(Weight::delta).sum();
            if (tier < g.tier || (tier == g.tier && weight > g.weight)) {
                g.tier = tier;
                g.weight = weight;
                g.tierReason = t == null ? "no ranking rule placed it" : t.reason();
                g.tierRule = t == null ? "" : t.ruleId();
                g.weights = ws;
            }
            caveats.getOrDefault(p.key(), List.of()).forEach(cv -> g.caveats.add(cv.text()));
        }
        List<ActionGroup> ranked = absorb(new ArrayList<>(groups.values()), g -> kindKey(g.def, g.plans.get(0), NO_TARGET),
                g -> g.target, (into, from) -> {
                    into.plans.addAll(from.plans);
                    into.caveats.addAll(from.caveats);
                    if (from.tier < into.tier || (from.tier == into.tier && from.weight > into.weight)) {
                        into.tier = from.tier;
                        into.weight = from.weight;
                        into.tierReason = from.tierReason;
                        into.tierRule = from.tierRule;
                        into.weights = from.weights;
                    }
                });
        for (ActionGroup g : ranked) {
            for (Requirement r : g.def.requires()) {
                if (ranked.stream().anyMatch(o -> o.def.id().equals(r.actionId()))) {
                    g.requires.add(r.actionId());
                }
            }
        }
        ranked.sort(Comparator.comparingInt((ActionGroup g) -> g.tier).thenComparing(g -> -g.weight)
                .thenComparing(g -> g.def.id()).thenComparing(g -> g.target.key()));
        return prerequisitesFirst(ranked);
    }

    /**
     * Conclusions whose evidence names no site, application or pool (a crash event, a config file)
     * are about the same thing as the one other conclusion of that kind that does: they merge into it.
     * With several candidates nothing is merged, since it cannot be told which one they belong to.
     */
    static <G> List<G> absorb(List<G> groups, Function<G, String> kind, Function<G, Target> target,
                              java.util.function.BiConsumer<G, G> merge) {
        Map<String, List<G>> byKind = new TreeMap<>();
        for (G g : groups) {
            byKind.computeIfAbsent(kind.apply(g), k -> new ArrayList<>()).add(g);
        }
        Set<G> gone = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (List<G> same : byKind.values()) {
            for (G bare : same) {
                Target t = target.apply(bare);
                if (t.hasSite() || !t.app().isEmpty() || !t.appPool().isEmpty()) {
                    continue;
                }
                List<G> specific = same.stream().filter(o -> o != bare && !gone.contains(o)
                        && (target.apply(o).server().equals(t.server()) || t.server().isEmpty())
                        && (target.apply(o).hasSite() || !target.apply(o).appPool().isEmpty())).toList();
                if (specific.size() == 1) {
                    merge.accept(specific.get(0), bare);
                    gone.add(bare);
                }
            }
        }
        return new ArrayList<>(groups.stream().filter(g -> !gone.contains(g)).toList());
    }

    /** Whether a prerequisite's condition holds for the action that requires it. */
    private boolean prerequisiteApplies(PlannedAction p, CaseValues values) {
        String dependent = p.reasonKey().substring(0, Math.max(0, p.reasonKey().indexOf('#')));
        ActionDefinition d = kb.action(dependent);
        if (d == null) {
            return true;
        }
        Function<String, String> known = values.known(p.target(), p.params(), p.evidence());
        return d.requires().stream().filter(r -> r.actionId().equals(p.actionId()))
                .anyMatch(r -> r.condition().evaluate(known) != Condition.Verdict.DROP);
    }

    /** Hard ordering: each prerequisite moves right before the first action that requires it, taking its tier. */
    private static List<ActionGroup> prerequisitesFirst(List<ActionGroup> ranked) {
        List<ActionGroup> out = new ArrayList<>(ranked);
        for (int pass = 0; pass < out.size(); pass++) {
            boolean moved = false;
            for (int i = 0; i < out.size() && !moved; i++) {
                ActionGroup dependent = out.get(i);
                for (String req : dependent.requires) {
                    for (int j = i + 1; j < out.size(); j++) {
                        ActionGroup pre = out.get(j);
                        if (pre.def.id().equals(req)) {
                            out.remove(j);
                            out.add(i, pre);
                            pre.tier = Math.min(pre.tier, dependent.tier);
                            moved = true;
                            break;
                        }
                    }
                    if (moved) {
                        break;
                    }
                }
            }
            if (!moved) {
                break;
            }
        }
        return out;
    }

    // ---- the rest ---------------------------------------------------------------------------------

    private List<OpenQuestion> questions(List<Question> questions, CaseValues values) {
        Map<String, List<Question>> groups = new TreeMap<>();
        for (Question q : questions) {
            groups.computeIfAbsent(q.questionId() + q.params(), k -> new ArrayList<>()).add(q);
        }
        List<OpenQuestion> out = new ArrayList<>();
        for (List<Question> group : groups.values()) {
            Question first = group.get(0);
            QuestionDefinition def = kb.question(first.questionId());
            Function<String, String> text = values.forProse(values.known(first.target(), first.params(), first.evidence()),
                    def.params());
            out.add(new OpenQuestion(def.id(), oneLine(Template.fill(def.text(), text)), oneLine(Template.fill(def.why(), text)),
                    def.answeredBy() == null ? "" : def.answeredBy(),
                    group.stream().map(Question::ruleId).distinct().sorted().toList()));
        }
        return out;
    }

    private static List<NotRecommended> notRecommended(List<NotPlanned> notPlanned) {
        return notPlanned.stream().map(n -> new NotRecommended(n.actionId(), n.target().describe(), n.reason(), n.why(),
                n.ruleId())).distinct().sorted(Comparator.comparing(NotRecommended::action)
                .thenComparing(NotRecommended::diagnosis).thenComparing(NotRecommended::target)).toList();
    }

    private static DiagnosisReport.Verdict verdict(List<ReportedDiagnosis> diagnoses, List<RankedAction> actions,
                                                   List<OpenQuestion> questions) {
        String severity = diagnoses.stream().filter(d -> !d.certainty().equals(Certainty.POSSIBLE.key()))
                .map(ReportedDiagnosis::severity).findFirst()
                .orElse(diagnoses.isEmpty() ? "none" : diagnoses.get(0).severity());
        Function<ReportedDiagnosis, DiagnosisReport.VerdictLine> line = d -> new DiagnosisReport.VerdictLine(d.id(),
                d.title(), d.severity(), d.certainty(), d.firstSeen(), d.lastSeen(), d.reach());
        List<DiagnosisReport.VerdictLine> happened = diagnoses.stream().filter(d -> !d.isolated()).map(line).toList();
        List<DiagnosisReport.VerdictLine> alsoSeen = diagnoses.stream().filter(ReportedDiagnosis::isolated).map(line).toList();
        List<DiagnosisReport.VerdictAction> doNow = actions.stream().limit(VERDICT_ACTIONS)
                .map(a -> new DiagnosisReport.VerdictAction(a.rank(), a.priority(), a.id(), a.title())).toList();
        List<String> missing = questions.stream().map(OpenQuestion::text).toList();
        return new DiagnosisReport.Verdict(severity, happened, alsoSeen, doNow, missing);
    }

    private static DiagnosisReport.Summary summary(CaseEvidence e, Conclusions c) {
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
                s.applicationType().key(), s.internetFacing().name().toLowerCase(Locale.ROOT),
                s.tracingInstalled().name().toLowerCase(Locale.ROOT),
                e.env().sites().stream().map(x -> new DiagnosisReport.Site(x.id(), x.logLabel(), x.name(), x.appPool(),
                        x.applicationType().key())).toList(),
                e.env().reported().stream().map(r -> r.status()).toList());
        IisLogWindow w = e.window().orElse(null);
        // what HTTP.sys answered itself never reaches the IIS log: the outage's 503s are often all there
        long httpErr5xx = e.httpErrCounts().stream().filter(h -> h.status() >= 500 && h.status() <= 599)
                .mapToLong(HttpErrCount::count).sum();
        return new DiagnosisReport.Summary(e.caseFolder(), read, notUsed, failed, lines, entries, rejected,
                w == null ? "" : w.first().toString(), w == null ? "" : w.last().toString(),
                w == null ? 0 : w.requests(), w == null ? 0 : w.clientErrors(), w == null ? 0 : w.serverErrors(),
                e.httpErrEntries(), env, e.env().description(), errorStatuses(e, c),
                e.env().changes().stream().map(ch -> ch.describe()).toList(),
                (w == null ? 0 : w.serverErrors()) + httpErr5xx, List.of(
                        new DiagnosisReport.SourceCount("IIS log", w == null ? 0 : w.serverErrors()),
                        new DiagnosisReport.SourceCount("HTTPERR", httpErr5xx)),
                e.peakServerErrorMinutes(), e.timeTaken());
    }

    /** HTTPERR reasons every entry of which was recognised as normal. */
    private static Set<String> normalReasons(CaseEvidence e, Set<EvidenceFact> benign) {
        Map<String, Boolean> all = new TreeMap<>();
        for (HttpErrCount h : e.httpErrCounts()) {
            all.merge(h.reason(), benign.contains(h), Boolean::logicalAnd);
        }
        Set<String> out = new java.util.TreeSet<>();
        all.forEach((reason, normal) -> {
            if (normal) {
                out.add(reason);
            }
        });
        return out;
    }

    /** Error responses by code and log, most first; benign ones are marked. */
    private static List<DiagnosisReport.StatusTotal> errorStatuses(CaseEvidence e, Conclusions c) {
        Set<EvidenceFact> benign = normalFacts(c);
        Map<String, long[]> totals = new TreeMap<>();
        Map<String, Boolean> allBenign = new TreeMap<>();
        for (IisStatusCount s : e.statusCounts()) {
            if (s.status() >= 400) {
                String k = s.code() + "\u0000IIS log";
                totals.computeIfAbsent(k, x -> new long[1])[0] += s.count();
                allBenign.merge(k, benign.contains(s), Boolean::logicalAnd);
            }
        }
        for (HttpErrCount h : e.httpErrCounts()) {
            String k = (h.status() == 0 ? "" : h.status() + " ") + h.reason() + "\u0000HTTPERR";
            totals.computeIfAbsent(k, x -> new long[1])[0] += h.count();
            allBenign.merge(k, benign.contains(h), Boolean::logicalAnd);
        }
        return totals.entrySet().stream()
                .map(en -> {
                    String[] parts = en.getKey().split("\u0000");
                    return new DiagnosisReport.StatusTotal(parts[0], parts[1], en.getValue()[0], allBenign.get(en.getKey()));
                })
                .sorted(Comparator.comparingLong(DiagnosisReport.StatusTotal::count).reversed()
                        .thenComparing(DiagnosisReport.StatusTotal::code).thenComparing(DiagnosisReport.StatusTotal::log))
                .limit(12).toList();
    }

    private static List<DiagnosisReport.InputFile> inputs(List<ReadReport> reports) {
        return reports.stream().map(r -> new DiagnosisReport.InputFile(r.file(), r.kind().label(),
                r.kind().supported() && !r.failed(), r.lines(), r.entries(), r.rejected(), r.problems(), r.notes(),
                r.fatalError() == null ? "" : r.fatalError())).toList();
    }

    /**
     * The facts recognised as normal, less those a diagnosis rests on: a count that a rule reads as the
     * evidence of a cause (a back end's HTTPERR Connection_Dropped behind ARR's 502.3) is not normal in
     * this case, whatever it would be on its own.
     */
    static Set<EvidenceFact> normalFacts(Conclusions c) {
        Set<EvidenceFact> cited = new java.util.HashSet<>();
        c.diagnoses().forEach(d -> cited.addAll(d.evidence()));
        Set<EvidenceFact> normal = new java.util.HashSet<>();
        c.benign().forEach(b -> {
            if (!cited.contains(b.fact())) {
                normal.add(b.fact());
            }
        });
        return normal;
    }

    private static List<BenignNote> benign(List<Benign> benign, Set<EvidenceFact> normal) {
        return benign.stream()
                .filter(b -> normal.contains(b.fact()))
                .map(b -> new BenignNote(b.fact().describe(), b.fact().occurrences(), b.reason(), b.ruleId()))
                .distinct()
                .sorted(Comparator.comparingLong(BenignNote::occurrences).reversed()
                        .thenComparing(BenignNote::summary).thenComparing(BenignNote::rule))
                .toList();
    }

    /** Parameters of merged conclusions: aggregates join (distinct, in order), others keep the first value. */
    static SortedMap<String, String> mergeParams(List<SortedMap<String, String>> all) {
        Map<String, LinkedHashSet<String>> lists = new LinkedHashMap<>();
        Map<String, List<String>> counts = new LinkedHashMap<>(); // every conclusion's count, equal ones too
        TreeMap<String, String> out = new TreeMap<>();
        for (SortedMap<String, String> p : all) {
            for (Map.Entry<String, String> e : p.entrySet()) {
                if (e.getValue().isEmpty()) {
                    continue;
                }
                if (CaseValues.SUMS.contains(e.getKey())) {
                    counts.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
                } else if (CaseValues.AGGREGATES.contains(e.getKey())) {
                    lists.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>()).add(e.getValue());
                } else {
                    out.putIfAbsent(e.getKey(), e.getValue());
                }
            }
        }
        counts.forEach((k, v) -> out.put(k, sum(v)));
        lists.forEach((k, v) -> out.put(k, k.equals("urls") ? urls(v)
                : String.join(k.equals("statusCodes") ? "," : "; ", v)));
        return out;
    }

    /** URL lists of merged conclusions ("/a, /b" and "/b, /c"): one list, each path once, the first five. */
    private static String urls(Collection<String> lists) {
        LinkedHashSet<String> paths = new LinkedHashSet<>();
        lists.forEach(l -> java.util.Arrays.stream(l.split(", ")).map(String::strip).filter(x -> !x.isEmpty())
                .forEach(paths::add));
        return String.join(", ", paths.stream().limit(5).toList());
    }

    /** "264" and "1,037" make "1,301"; values that are not counts are listed instead (distinct, in order). */
    private static String sum(Collection<String> counts) {
        long total = 0;
        for (String c : counts) {
            String digits = c.replace(",", "");
            if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 15) {
                return String.join("; ", new LinkedHashSet<>(counts));
            }
            total += Long.parseLong(digits);
        }
        return String.format(Locale.ROOT, "%,d", total);
    }

    private static List<EvidenceFact> distinct(List<EvidenceFact> facts) {
        return facts.stream().distinct().toList();
    }

    /**
     * Evidence items, the problem's own first and context last (benign entries, the traffic of peer
     * servers), each group most frequent first.
     */
    private static List<EvidenceItem> evidenceItems(List<EvidenceFact> facts, Set<EvidenceFact> benign) {
        java.util.function.Predicate<EvidenceFact> context = f -> benign.contains(f) || !Reach.counts(f);
        return facts.stream().distinct()
                .sorted(Comparator.comparing(context::test)
                        .thenComparing(Comparator.comparingLong(EvidenceFact::occurrences).reversed())
                        .thenComparing(EvidenceFact::describe))
                .limit(MAX_EVIDENCE_ITEMS)
                .map(f -> new EvidenceItem(f.describe(), f.occurrences(), context.test(f), f.samples()))
                .toList();
    }

    /** The evidence that is the problem itself: benign context left out, unless that is all there is. */
    private static List<EvidenceFact> counted(List<EvidenceFact> facts, Set<EvidenceFact> benign) {
        List<EvidenceFact> own = facts.stream().filter(f -> !benign.contains(f) && Reach.counts(f)).toList();
        return own.isEmpty() ? facts : own;
    }

    private static String firstSeen(List<EvidenceFact> facts) {
        return facts.stream().map(EvidenceFact::firstSeen).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder())
                .map(Object::toString).orElse("");
    }

    private static String lastSeen(List<EvidenceFact> facts) {
        return facts.stream().map(EvidenceFact::lastSeen).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder())
                .map(Object::toString).orElse("");
    }

    private static TargetRef ref(Target t) {
        return ref(t, Set.of(t.server()));
    }

    /** A target, and the servers it was seen on when there are several. */
    private static TargetRef ref(Target t, Set<String> servers) {
        List<String> named = servers.stream().filter(x -> !x.isEmpty()).toList();
        String text = named.size() > 1 ? t.describe() + " on servers " + String.join(", ", named) : t.describe();
        return new TargetRef(text, t.server(), t.siteId(), t.siteName(), t.app(), t.appPool(),
                named.size() > 1 ? named : List.of());
    }

    /** Whether the evidence shows a status users reported that the log shows little else of. */
    private static boolean reported(List<EvidenceFact> facts, Set<Integer> statuses) {
        return facts.stream().anyMatch(f -> statuses.contains(f.status()));
    }

    /** The requests a problem is measured against: those of the servers it was seen on, or the whole log's. */
    private record Requests(IisLogWindow window, List<Object> servers) {
        long of(Set<String> on) {
            if (on.isEmpty() || on.contains("")) {
                return window == null ? 0 : window.requests();
            }
            return on.stream().mapToLong(s -> Reach.requests(new Target(s, -1, "", "", ""), window, servers)).sum();
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
