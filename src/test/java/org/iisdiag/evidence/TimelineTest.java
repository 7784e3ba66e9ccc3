package org.iisdiag.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimelineTest {
    private static final long T0 = Instant.parse("2025-01-09T10:00:00Z").getEpochSecond();

    @Test
    void countsPerMinuteAndStatusClassSortedByTime() {
        Timeline t = new Timeline();
        t.add(T0 + 130, 500);
        t.add(T0 + 5, 200);
        t.add(T0 + 59, 404);
        t.add(T0 + 61, 0);
        t.add(T0 + 62, 999); // not an HTTP status class: counted as "no status"
        List<Timeline.Bucket> b = t.buckets();
        assertThat(b).extracting(Timeline.Bucket::start).containsExactly(
                Instant.parse("2025-01-09T10:00:00Z"), Instant.parse("2025-01-09T10:01:00Z"),
                Instant.parse("2025-01-09T10:02:00Z"));
        assertThat(b.get(0).count(2)).isEqualTo(1);
        assertThat(b.get(0).count(4)).isEqualTo(1);
        assertThat(b.get(1).count(0)).isEqualTo(2);
        assertThat(b.get(2).count(5)).isEqualTo(1);
        assertThat(b.get(0).total()).isEqualTo(2);
        assertThat(t.total(5)).isEqualTo(1);
    }

    @Test
    void peaksAreTheBusiestMinutesOfAClassEarlierFirstOnTies() {
        Timeline t = new Timeline();
        for (int i = 0; i < 3; i++) {
            t.add(T0 + 600, 503);
        }
        t.add(T0, 500);
        t.add(T0 + 120, 500);
        t.add(T0 + 120, 200);
        assertThat(t.peaks(5, 2)).extracting(Timeline.Bucket::start)
                .containsExactly(Instant.ofEpochSecond(T0 + 600), Instant.ofEpochSecond(T0));
        assertThat(t.peaks(4, 5)).isEmpty();
    }

    @Test
    void mergeAddsCounts() {
        Timeline a = new Timeline();
        Timeline b = new Timeline();
        a.add(T0, 200);
        b.add(T0 + 10, 200);
        b.add(T0 + 3600, 503);
        a.merge(b);
        assertThat(a.buckets()).hasSize(2);
        assertThat(a.buckets().get(0).count(2)).isEqualTo(2);
        assertThat(a.total(5)).isEqualTo(1);
    }

    @Test
    void coarsensInsteadOfGrowingBeyondItsCap() {
        Timeline t = new Timeline(10);
        for (int m = 0; m < 100; m++) {
            t.add(T0 + m * 60L, 200);
        }
        assertThat(t.size()).isLessThanOrEqualTo(10);
        assertThat(t.bucketSeconds()).isEqualTo(60 * 16);
        assertThat(t.coarsened()).isTrue();
        assertThat(t.total(2)).isEqualTo(100); // nothing lost
        assertThat(t.buckets()).allSatisfy(b -> assertThat(b.start().getEpochSecond() % (60 * 16)).isZero());

        ReadReport report = new ReadReport("f.log", org.iisdiag.facts.EvidenceKind.IIS_W3C_LOG);
        t.noteCoarsening(report);
        assertThat(report.notes()).containsExactly("timeline coarsened to 16-minute buckets to stay within 10 buckets");

        Timeline fine = new Timeline(10);
        fine.add(T0, 500);
        fine.merge(t); // merging a coarser timeline coarsens the target
        assertThat(fine.bucketSeconds()).isEqualTo(t.bucketSeconds());
        assertThat(fine.total(2) + fine.total(5)).isEqualTo(101);
    }
}
