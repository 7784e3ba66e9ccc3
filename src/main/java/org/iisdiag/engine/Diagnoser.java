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
        List<String> fired = new ArrayList<>();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    Object id = event.getMatch().getRule().getMetaData().get("id");
                    fired.add(id == null ? event.getMatch().getRule().getName() : id.toString());
                }
            });
            for (Object fact : facts) {
                session.insert(fact);
            }
            int n = session.fireAllRules(MAX_FIRINGS);
            if (n >= MAX_FIRINGS) {
                throw new IllegalStateException("the rules fired " + n + " times without settling; a rule is looping"
                        + " (last fired: " + fired.subList(Math.max(0, fired.size() - 5), fired.size()) + ")");
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
                    List.copyOf(fired));
        } finally {
            session.dispose();
        }
    }

    private static <T> List<T> sorted(Collection<?> objects, Class<T> type, Comparator<T> order) {
        // Equal conclusions from different justifications collapse here; order makes output stable.
        return objects.stream().map(type::cast).distinct().sorted(order).toList();
    }
}
