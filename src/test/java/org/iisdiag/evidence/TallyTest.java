package org.iisdiag.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.iisdiag.facts.SampleLine;
import org.junit.jupiter.api.Test;

class TallyTest {
    @Test
    void countsTheSpanAndKeepsTheFirstSamplesAndDistinctUrls() {
        Tally t = new Tally();
        t.seen(Instant.parse("2025-01-09T10:00:05Z"));
        t.seen(null); // time unknown: counted, span unchanged
        t.seen(Instant.parse("2025-01-09T09:59:00Z"));
        assertThat(t.count).isEqualTo(3);
        assertThat(t.first).isEqualTo(Instant.parse("2025-01-09T09:59:00Z"));
        assertThat(t.last).isEqualTo(Instant.parse("2025-01-09T10:00:05Z"));
        for (int i = 1; i <= 5; i++) {
            t.sample(new SampleLine("f.har", i, "line " + i));
            t.url(i % 2 == 0 ? "/a" : "/b" + i);
        }
        assertThat(t.samples).extracting(SampleLine::line).containsExactly(1L, 2L, 3L);
        assertThat(t.wantsSample()).isFalse();
        assertThat(t.urls).containsExactly("/b1", "/a", "/b3");
        t.url("");
        assertThat(t.urls).hasSize(Tally.MAX_SAMPLES);
    }

    @Test
    void aNewGroupIsMadeOnlyBelowTheCap() {
        Map<String, Tally> groups = new LinkedHashMap<>();
        Tally a = Tally.groupIn(groups, "a", 2, Tally::new);
        assertThat(Tally.groupIn(groups, "a", 2, Tally::new)).isSameAs(a);
        assertThat(Tally.groupIn(groups, "b", 2, Tally::new)).isNotNull();
        assertThat(Tally.groupIn(groups, "c", 2, Tally::new)).isNull();
        assertThat(Tally.groupIn(groups, "a", 2, Tally::new)).isSameAs(a); // an existing group still counts when full
        assertThat(groups).containsOnlyKeys("a", "b");
    }
}
