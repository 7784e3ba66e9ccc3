package org.iisdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.iisdiag.TestPack;
import org.iisdiag.conclusions.Tier;
import org.iisdiag.diagnosis.Diagnostician;
import org.iisdiag.facts.ErrorOnset;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.IisLogWindow;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.ReportedSymptom;
import org.junit.jupiter.api.Test;

/**
 * A status users reported is not "a handful" when the logs show little else of it (rules/ranking/tiers.drl).
 * "Little else" counts the logs' own entries: the error onset the timeline derives from the same IIS log
 * entries is not a second set of errors.
 */
class ReportedStatusReachTest {
    private static final Instant T0 = Instant.parse("2025-01-09T10:00:00Z");
    private static final Instant T1 = Instant.parse("2025-01-09T10:10:00Z");

    /** 30 errors among 20,000 requests: a handful by share (30 x 500 < 20,000), not if counted twice. */
    private static List<Object> facts(boolean reported) {
        IisStatusCount errors = TestPack.iis("W3SVC1", 500, 19, 13, 30, "/app/page");
        List<Object> facts = new ArrayList<>(List.of(new IisLogWindow(T0, T1, 20_000, 0, 30), errors,
                new ErrorOnset(5, T0, T0.plusSeconds(1200), T1, 30, 20, 0),
                TestPack.source(EvidenceKind.IIS_W3C_LOG)));
        if (reported) {
            facts.add(new ReportedSymptom(500));
        }
        return facts;
    }

    private static List<String> isolatedTiers(List<Object> facts) {
        Diagnostician d = TestPack.diagnosis();
        Conclusions out = new Diagnoser(d.ruleBase(), d.knowledgeBase()).run(facts);
        assertThat(out.planned()).as("something is planned for the 500.19s").isNotEmpty();
        return out.tiers().stream().filter(t -> t.ruleId().equals("rank.tier-3-isolated")).map(Tier::plannedKey).toList();
    }

    @Test
    void unreportedAHandfulOfErrorsInABusyLogWaitsInTier3() {
        assertThat(isolatedTiers(facts(false))).isNotEmpty();
    }

    @Test
    void reportedTheyAreNotAHandfulTheOnsetOfTheSameEntriesNotCountedTwice() {
        assertThat(isolatedTiers(facts(true))).isEmpty();
    }
}
