package org.iisdiag.conclusions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.iisdiag.classified.ErrorStatus;
import org.iisdiag.classified.HttpSysRejection;
import org.iisdiag.facts.ErrorOnset;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.TimeTakenRange;
import org.junit.jupiter.api.Test;

class ProblemOnsetTest {
    private static final Instant LOG_START = Instant.parse("2025-11-12T08:02:00Z");
    private static final Instant PROBE = Instant.parse("2025-11-12T08:47:00Z");
    private static final Instant REAL = Instant.parse("2025-11-12T09:15:41Z");

    /** The timeline's onset: the first error of a quiet log, a probe at 08:47. */
    private static final ErrorOnset ONSET = new ErrorOnset(4, LOG_START, PROBE, Instant.parse("2025-11-12T10:15:00Z"),
            27, 45, 0);

    private static HttpSysRejection rejection(Instant first) {
        HttpErrCount c = new HttpErrCount("", "Header", 400, "2", "", 24, first, first, List.of(), List.of(), null, 0,
                List.of());
        return new HttpSysRejection(c, null, null);
    }

    @Test
    void movesToTheFirstErrorThatIsAProblemWhenThatIsLater() {
        ErrorOnset moved = ProblemOnset.of(ONSET, List.of(), List.of(rejection(REAL)));
        assertThat(moved.firstError()).isEqualTo(Instant.parse("2025-11-12T09:15:00Z"));
        assertThat(moved.cleanMinutesBefore()).isEqualTo(73);
        assertThat(moved.quietBefore()).isEqualTo("73 minutes without them");
        assertThat(moved.errors()).isEqualTo(ONSET.errors());
    }

    @Test
    void neverMovesEarlierAndKeepsTheOnsetWithoutClassifiedErrors() {
        assertThat(ProblemOnset.of(ONSET, List.of(), List.of(rejection(LOG_START)))).isSameAs(ONSET);
        assertThat(ProblemOnset.of(ONSET, List.of(), List.of())).isSameAs(ONSET);
        // the same minute as the onset: nothing to move
        assertThat(ProblemOnset.of(ONSET, List.of(), List.of(rejection(PROBE.plusSeconds(30))))).isSameAs(ONSET);
    }

    @Test
    void iisLogErrorsCountLikeHttpSysOnes() {
        IisStatusCount c = new IisStatusCount("", "W3SVC2", 404, 0, 2, 3, REAL, REAL, List.of(), List.of(),
                TimeTakenRange.NONE);
        ErrorStatus e = new ErrorStatus(c, 404, 0, 2, 3, null, null);
        assertThat(ProblemOnset.of(ONSET, List.of(e), List.of()).firstError()).isEqualTo(Instant.parse("2025-11-12T09:15:00Z"));
    }
}
