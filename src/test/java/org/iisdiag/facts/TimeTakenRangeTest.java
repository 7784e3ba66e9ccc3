package org.iisdiag.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeTakenRangeTest {

    private static final Instant AT = Instant.parse("2025-09-22T07:40:02Z");

    @Test
    void theMeanOfTheOthersLeavesTheSlowestOut() {
        // 9 requests of 100 ms and one of 45,100 ms: mean 4,600
        TimeTakenRange r = new TimeTakenRange(10, 100, 45_100, 4_600, AT);

        assertThat(r.meanOfTheOthers()).isEqualTo(100);
    }

    @Test
    void aSingleEntryHasNoOthers() {
        TimeTakenRange r = new TimeTakenRange(1, 45_000, 45_000, 45_000, AT);

        assertThat(r.meanOfTheOthers()).isEqualTo(-1);
        assertThat(r.slowestStandsOut(10_000, 5)).isFalse();
    }

    @Test
    void aColdStartStandsOutOfFastTraffic() {
        assertThat(new TimeTakenRange(10, 100, 45_100, 4_600, AT).slowestStandsOut(10_000, 5)).isTrue();
    }

    @Test
    void aSlowestUnderTheFloorOrCloseToTheOthersDoesNotStandOut() {
        // 900 ms against 100 ms: ten times, but nobody waits for it
        assertThat(new TimeTakenRange(10, 100, 900, 180, AT).slowestStandsOut(10_000, 5)).isFalse();
        // a site that is slow everywhere: 40 s against 12 s
        assertThat(new TimeTakenRange(10, 9_000, 40_000, 14_800, AT).slowestStandsOut(10_000, 5)).isFalse();
    }

    @Test
    void unknownTimesNeverStandOut() {
        assertThat(TimeTakenRange.NONE.slowestStandsOut(10_000, 5)).isFalse();
    }
}
