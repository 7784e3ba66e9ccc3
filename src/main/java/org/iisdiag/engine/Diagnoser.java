package org.iisdiag.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.iisdiag.conclusions.Benign;
import org.iisdiag.conclusions.Caveat;
import org.iisdiag.conclusions.Finding;
import org.iisdiag.conclusions.PriorityAdjustment;
import org.iisdiag.conclusions.Question;
import org.iisdiag.conclusions.Recommendation;
import org.iisdiag.knowledge.KnowledgeBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/** Runs the rule pack over one case's facts in a fresh session and collects the conclusions. */
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
        KieSession session = ruleBase.newSession(kb);
        List<Conclusions.Firing> trail = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void beforeMatchFired(BeforeMatchFiredEvent event) {
                    inserted.clear();
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    Object id = event.getMatch().getRule().getMetaData().get("id");
                    String ruleId = id == null ? event.getMatch().getRule().getName() : id.toString();
                    List<String> matched = event.getMatch().getObjects().stream()
                            .filter(o -> !o.getClass().getSimpleName().startsWith("InitialFact"))
                            .map(Diagnoser::describe).toList();
                    trail.add(new Conclusions.Firing(trail.size() + 1, ruleId, matched, List.copyOf(inserted)));
                }
            });
            session.addEventListener(new DefaultRuleRuntimeEventListener() {
                @Override
                public void objectInserted(ObjectInsertedEvent event) {
                    if (event.getRule() != null) {
                        inserted.add(describe(event.getObject()));
                    }
                }
            });
            for (Object fact : facts) {
                session.insert(fact);
            }
            int n = session.fireAllRules(MAX_FIRINGS);
            if (n >= MAX_FIRINGS) {
                throw new IllegalStateException("the rules fired " + n + " times without settling; a rule is looping"
                        + " (last fired: " + trail.subList(Math.max(0, trail.size() - 5), trail.size()).stream()
                        .map(Conclusions.Firing::ruleId).toList() + ")");
            }
            return new Conclusions(
                    sorted(session.getObjects(o -> o instanceof Finding), Finding.class,
                            Comparator.comparing(Finding::key).thenComparing(Finding::ruleId)),
                    sorted(session.getObjects(o -> o instanceof Recommendation), Recommendation.class,
                            Comparator.comparing(Recommendation::key).thenComparing(Recommendation::ruleId)),
                    sorted(session.getObjects(o -> o instanceof Question), Question.class,
                            Comparator.comparing(Question::key).thenComparing(Question::ruleId)),
                    sorted(session.getObjects(o -> o instanceof PriorityAdjustment), PriorityAdjustment.class,
                            Comparator.comparing(PriorityAdjustment::actionKey).thenComparing(PriorityAdjustment::ruleId)
                                    .thenComparing(PriorityAdjustment::reason)),
                    sorted(session.getObjects(o -> o instanceof Caveat), Caveat.class,
                            Comparator.comparing(Caveat::actionKey).thenComparing(Caveat::text)),
                    sorted(session.getObjects(o -> o instanceof Benign), Benign.class,
                            Comparator.comparing((Benign b) -> b.fact().describe()).thenComparing(Benign::ruleId)),
                    List.copyOf(trail));
        } finally {
            session.dispose();
        }
    }

    /** A one-line description of a fact or conclusion for the firing trail. */
    static String describe(Object o) {
        if (o instanceof org.iisdiag.facts.EvidenceFact e) {
            return e.describe();
        }
        if (o instanceof Recommendation r) {
            return "recommend " + r.key();
        }
        if (o instanceof Finding f) {
            return "finding " + f.key();
        }
        if (o instanceof Question q) {
            return "question " + q.key();
        }
        if (o instanceof PriorityAdjustment p) {
            return "priority " + (p.delta() >= 0 ? "+" : "") + p.delta() + " " + p.actionKey() + " (" + p.reason() + ")";
        }
        if (o instanceof Caveat c) {
            return "caution " + c.actionKey();
        }
        if (o instanceof Benign b) {
            return "benign: " + b.fact().describe();
        }
        if (o instanceof org.iisdiag.knowledge.StatusCodeInfo i) {
            return "catalog status " + i.code();
        }
        if (o instanceof org.iisdiag.knowledge.HttpErrReason r) {
            return "catalog HTTPERR reason " + r.reason();
        }
        if (o instanceof org.iisdiag.knowledge.Win32StatusInfo w) {
            return "catalog win32 " + w.code() + " " + w.name();
        }
        if (o instanceof org.iisdiag.knowledge.ActionDefinition a) {
            return "catalog action " + a.id();
        }
        if (o instanceof org.iisdiag.knowledge.QuestionDefinition q) {
            return "catalog question " + q.id();
        }
        if (o instanceof java.util.Collection<?> c) {
            // accumulate results: name what they gathered, in a stable order
            return "[" + c.stream().map(Diagnoser::describe).sorted().collect(java.util.stream.Collectors.joining("; ")) + "]";
        }
        String s = String.valueOf(o);
        return s.length() > 160 ? s.substring(0, 157) + "..." : s;
    }

    private static <T> List<T> sorted(Collection<?> objects, Class<T> type, Comparator<T> order) {
        // Equal conclusions from different justifications collapse here; order makes output stable.
        return objects.stream().map(type::cast).distinct().sorted(order).toList();
    }
}
