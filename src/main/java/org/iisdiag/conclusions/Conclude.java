package org.iisdiag.conclusions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.knowledge.StatusCodeInfo;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The vocabulary rule consequences use ({@code import function ...Conclude.recommend;}). Every
 * conclusion is inserted logically and carries the rule's {@code @id} and the evidence facts the rule
 * matched, so authors never have to wire either by hand.
 */
public final class Conclude {
    private Conclude() {
    }

    /** Recommends catalog action {@code actionId}, with name/value pairs for its placeholders. */
    public static void recommend(RuleContext kcontext, String actionId, String... params) {
        kcontext.insertLogical(new Recommendation(actionId, Params.of(params), ruleId(kcontext), evidence(kcontext)));
    }

    /** Concludes catalog finding {@code findingId} with a confidence of "high", "medium" or "low". */
    public static void finding(RuleContext kcontext, String findingId, String confidence, String... params) {
        Confidence c = Confidence.valueOf(confidence.toUpperCase(Locale.ROOT));
        kcontext.insertLogical(new Finding(findingId, Params.of(params), c, ruleId(kcontext), evidence(kcontext)));
    }

    /**
     * Concludes a status-lookup finding: the IIS log's status.substatus with its catalog meaning, the
     * site, the count and the win32 code, at the catalog entry's severity.
     */
    public static void statusFinding(RuleContext kcontext, String findingId, IisStatusCount c, StatusCodeInfo info) {
        finding(kcontext, findingId, "high", "code", c.code(), "title", info.title(), "meaning", info.meaning(),
                "site", c.site(), "count", StatusCodes.thousands(c.count()), "win32", String.valueOf(c.win32()),
                "severity", info.severity().name());
    }

    /** Raises catalog question {@code questionId}: evidence that is missing. */
    public static void ask(RuleContext kcontext, String questionId, String... params) {
        kcontext.insertLogical(new Question(questionId, Params.of(params), ruleId(kcontext), evidence(kcontext)));
    }

    /** Moves a recommended action up (positive) or down (negative) in the ranking, with the reason. */
    public static void adjustPriority(RuleContext kcontext, Recommendation r, int delta, String reason) {
        kcontext.insertLogical(new PriorityAdjustment(r.key(), delta, reason, ruleId(kcontext)));
    }

    /** Attaches a warning to a recommended action. */
    public static void caution(RuleContext kcontext, Recommendation r, String text) {
        kcontext.insertLogical(new Caveat(r.key(), text, ruleId(kcontext)));
    }

    /** Marks evidence as a known-normal pattern so escalating rules leave it alone. */
    public static void benign(RuleContext kcontext, EvidenceFact fact, String reason) {
        kcontext.insertLogical(new Benign(fact, reason, ruleId(kcontext)));
    }

    static String ruleId(RuleContext kcontext) {
        Object id = kcontext.getRule().getMetaData().get("id");
        return id == null ? kcontext.getRule().getName() : id.toString();
    }

    private static List<EvidenceFact> evidence(RuleContext kcontext) {
        List<EvidenceFact> out = new ArrayList<>();
        for (Object o : kcontext.getMatch().getObjects()) {
            // accumulate results arrive as collections of the facts they gathered
            if (o instanceof java.util.Collection<?> many) {
                many.forEach(m -> addEvidence(out, m));
            } else {
                addEvidence(out, o);
            }
        }
        return List.copyOf(out);
    }

    private static void addEvidence(List<EvidenceFact> out, Object o) {
        if (o instanceof EvidenceFact e && !out.contains(e)) {
            out.add(e);
        }
    }
}
