package org.iisdiag.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.iisdiag.conclusions.Benign;
import org.iisdiag.conclusions.Caveat;
import org.iisdiag.conclusions.Diagnosis;
import org.iisdiag.conclusions.Known;
import org.iisdiag.conclusions.NotPlanned;
import org.iisdiag.conclusions.PlannedAction;
import org.iisdiag.conclusions.Question;
import org.iisdiag.conclusions.Tier;
import org.iisdiag.conclusions.Weight;
import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.targets.TargetDirectory;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * Runs the rule pack over one case's facts in a fresh session and collects the conclusions. It also
 * checks that every conclusion carries the evidence its rule matched ({@link Conclusions.EvidenceGap}).
 */
public final class Diagnoser {
    /** A rule pack that fires more often than this is looping; stop rather than hang. */
    static final int MAX_FIRINGS = 200_000;

    private final RuleBase ruleBase;
    private final KnowledgeBase kb;

    public Diagnoser(RuleBase ruleBase, KnowledgeBase kb) {
        this.ruleBase = ruleBase;
        this.kb = kb;
    }

    public Conclusions run(Collection<?> facts) {
        return run(facts, TargetDirectory.of(facts));
    }

    public Conclusions run(Collection<?> facts, TargetDirectory targets) {
        RuleBase.CaseSession narrowed = ruleBase.newSessionFor(facts, kb, targets);
        Conclusions c = run(narrowed, facts);
        // A rule inserted a kind of evidence whose absence left rules out: they might fire now, so use them all.
        return c != null ? c : run(new RuleBase.CaseSession(ruleBase.newSession(kb, targets), java.util.Set.of(), 0), facts);
    }

    /** The rules' conclusions in {@code caseSession}, or null when a rule inserted a fact it left rules out for. */
    private Conclusions run(RuleBase.CaseSession caseSession, Collection<?> facts) {
        KieSession session = caseSession.session();
        boolean[] revived = {false};
        List<Conclusions.Firing> trail = new ArrayList<>();
        List<Object> insertedObjects = new ArrayList<>();
        List<Conclusions.EvidenceGap> gaps = new ArrayList<>();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    insertedObjects.clear();
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    Object id = event.getMatch().getRule().getMetaData().get("id");
                    String ruleId = id == null ? event.getMatch().getRule().getName() : id.toString();
                    List<? extends Object> objects = event.getMatch().getObjects();
                    List<Object> matched = new ArrayList<>(objects.size());
                    for (Object o : objects) {
                        if (!o.getClass().getSimpleName().startsWith("InitialFact")) {
                            matched.add(o);
                        }
                    }
                    trail.add(new Conclusions.Firing(trail.size() + 1, ruleId, matched, insertedObjects));
                    checkEvidence(ruleId, objects, insertedObjects, gaps);
                }
            });
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        insertedObjects.add(event.getObject());
                        revived[0] |= caseSession.revives(event.getObject());
                    }
                }
            });
            for (Object fact : facts) {
                session.insert(fact);
            }
            int n = session.fireAllRules(MAX_FIRINGS);
            if (revived[0]) {
                return null;
            }
            if (n >= MAX_FIRINGS) {
                throw new IllegalStateException("the rules fired " + n + " times without settling; a rule is looping"
                        + " (last fired: " + trail.subList(Math.max(0, trail.size() - 5), trail.size()).stream()
                        .map(Conclusions.Firing::ruleId).toList() + ")");
            }
            return new Conclusions(
                    sorted(session.getObjects(o -> o instanceof Diagnosis), Diagnosis.class,
                            Comparator.comparing(Diagnosis::key).thenComparing(Diagnosis::ruleId)
                                    .thenComparing(d -> d.params().toString())
                                    .thenComparing(d -> evidenceKey(d.evidence()))),
                    sorted(session.getObjects(o -> o instanceof Known), Known.class,
                            Comparator.comparing((Known k) -> k.target().key()).thenComparing(Known::revelation)
                                    .thenComparing(Known::ruleId).thenComparing(Known::because)
                                    // one rule knowing the same thing from two events: by the events, never the session's order
                                    .thenComparing(k -> evidenceKey(k.evidence()))),
                    sorted(session.getObjects(o -> o instanceof PlannedAction), PlannedAction.class,
                            Comparator.comparing(PlannedAction::key).thenComparing(p -> p.target().key())
                                    .thenComparing(PlannedAction::ruleId)
                                    // two diagnoses of one thing for one target plan the same step: their
                                    // parameters and evidence decide, never the session's hash order
                                    .thenComparing(p -> p.params().toString())
                                    .thenComparing(p -> evidenceKey(p.evidence()))),
                    sorted(session.getObjects(o -> o instanceof NotPlanned), NotPlanned.class,
                            Comparator.comparing(NotPlanned::actionId).thenComparing(n2 -> n2.target().key())
                                    .thenComparing(NotPlanned::reason).thenComparing(NotPlanned::why)),
                    sorted(session.getObjects(o -> o instanceof Tier), Tier.class,
                            Comparator.comparing(Tier::plannedKey).thenComparingInt(Tier::tier).thenComparing(Tier::ruleId)),
                    sorted(session.getObjects(o -> o instanceof Weight), Weight.class,
                            Comparator.comparing(Weight::plannedKey).thenComparing(Weight::ruleId)
                                    .thenComparing(Weight::reason)),
                    sorted(session.getObjects(o -> o instanceof Caveat), Caveat.class,
                            Comparator.comparing(Caveat::plannedKey).thenComparing(Caveat::text)
                                    .thenComparing(Caveat::ruleId)),
                    sorted(session.getObjects(o -> o instanceof Question), Question.class,
                            Comparator.comparing(Question::key).thenComparing(Question::ruleId)
                                    .thenComparing(q -> evidenceKey(q.evidence()))),
                    sorted(session.getObjects(o -> o instanceof Benign), Benign.class,
                            comparingOnce((Benign b) -> b.fact().describe()).thenComparing(Benign::ruleId)),
                    List.copyOf(trail), gaps.stream().distinct()
                            .sorted(Comparator.comparing(Conclusions.EvidenceGap::ruleId)
                                    .thenComparing(Conclusions.EvidenceGap::conclusion)
                                    .thenComparing(Conclusions.EvidenceGap::missing)).toList(),
                    workingMemory(session));
        } finally {
            session.dispose();
        }
    }

    /** How many objects of each type the settled session holds (distinct ones, as the lists above). */
    private static java.util.SortedMap<String, Integer> workingMemory(KieSession session) {
        java.util.TreeMap<String, Integer> counts = new java.util.TreeMap<>();
        session.getObjects().stream().distinct()
                .forEach(o -> counts.merge(o.getClass().getSimpleName(), 1, Integer::sum));
        return java.util.Collections.unmodifiableSortedMap(counts);
    }

    /**
     * Every evidence fact a rule matched (directly, inside a classified fact, a diagnosis or a collection)
     * must be in the evidence of each diagnosis, known fact or question the firing inserted.
     */
    static void checkEvidence(String ruleId, List<? extends Object> matched, List<Object> inserted,
                              List<Conclusions.EvidenceGap> gaps) {
        List<EvidenceFact> needed = null;
        for (Object o : inserted) {
            List<EvidenceFact> carried;
            String what;
            if (o instanceof Diagnosis d) {
                carried = d.evidence();
                what = "diagnosis " + d.diagnosisId();
            } else if (o instanceof Known k) {
                carried = k.evidence();
                what = "known " + k.revelation();
            } else if (o instanceof Question q) {
                carried = q.evidence();
                what = "question " + q.questionId();
            } else {
                continue;
            }
            if (needed == null) {
                needed = org.iisdiag.conclusions.Conclude.evidence(matched.toArray());
            }
            for (EvidenceFact e : needed) {
                if (!carried.contains(e)) {
                    gaps.add(new Conclusions.EvidenceGap(ruleId, what, e.describe()));
                }
            }
        }
    }

    /** A one-line description of a fact or conclusion for the firing trail. */
    static String describe(Object o) {
        if (o instanceof Object[] args) {
            // the arguments of a query the rule used (isolated($p;)): described, never an identity hash
            return "query (" + String.join(", ", java.util.Arrays.stream(args).map(Diagnoser::describe).toList()) + ")";
        }
        if (o instanceof org.iisdiag.facts.EvidenceFact e) {
            return e.describe();
        }
        if (o instanceof Diagnosis d) {
            return "diagnosis " + d.diagnosisId() + " (" + d.certainty().key() + ") for " + d.target().describe()
                    + (d.params().isEmpty() ? "" : " " + d.params());
        }
        if (o instanceof Known k) {
            return "known " + k.revelation() + " for " + k.target().describe() + ": " + k.because();
        }
        if (o instanceof PlannedAction p) {
            return "plan " + p.actionId() + " (" + p.role().key() + " of " + p.reason() + ") for " + p.target().describe();
        }
        if (o instanceof NotPlanned n) {
            return "not planned " + n.actionId() + " (" + n.role().key() + " of " + n.reason() + "): " + n.why();
        }
        if (o instanceof Tier t) {
            return "tier " + t.tier() + " " + t.plannedKey() + " (" + t.reason() + ")";
        }
        if (o instanceof Weight w) {
            return "weight " + (w.delta() >= 0 ? "+" : "") + w.delta() + " " + w.plannedKey() + " (" + w.reason() + ")";
        }
        if (o instanceof Question q) {
            return "question " + q.key();
        }
        if (o instanceof Caveat c) {
            return "caution " + c.plannedKey();
        }
        if (o instanceof org.iisdiag.classified.Classified c) {
            String s = String.valueOf(o);
            return s.length() > 200 ? s.substring(0, 197) + "..." : s;
        }
        if (o instanceof Benign b) {
            return "benign: " + b.fact().describe();
        }
        if (o instanceof org.iisdiag.knowledge.CatalogEntry c) {
            return "catalog " + c.label();
        }
        if (o instanceof org.iisdiag.knowledge.DiagnosisDefinition.PlanStep p) {
            return "plan step " + p.role().key() + " " + p.actionId();
        }
        if (o instanceof org.iisdiag.knowledge.SignatureMatch m) {
            return "signature " + m.signature().id() + " " + m.params();
        }
        if (o instanceof java.util.Collection<?> c) {
            // accumulate results: name what they gathered, in a stable order
            return "[" + c.stream().map(Diagnoser::describe).sorted().collect(java.util.stream.Collectors.joining("; ")) + "]";
        }
        String s = String.valueOf(o);
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }

    /** A stable text for a list of evidence facts, to break ties in the order of conclusions. */
    private static String evidenceKey(List<EvidenceFact> evidence) {
        return evidence.stream().map(EvidenceFact::describe).collect(java.util.stream.Collectors.joining("\n"));
    }

    /**
     * Orders by a key worked out once per object rather than twice per comparison: a fact's description is a
     * string built from all its fields, and a sort compares each object some log n times.
     */
    private static <T, K extends Comparable<? super K>> Comparator<T> comparingOnce(java.util.function.Function<T, K> key) {
        java.util.Map<T, K> keys = new java.util.IdentityHashMap<>();
        return Comparator.comparing(t -> keys.computeIfAbsent(t, key));
    }

    private static <T> List<T> sorted(Collection<?> objects, Class<T> type, Comparator<T> order) {
        // Equal conclusions from different justifications collapse here; order makes output stable.
        return objects.stream().map(type::cast).distinct().sorted(order).toList();
    }
}
