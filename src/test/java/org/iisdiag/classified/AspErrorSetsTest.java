package org.iisdiag.classified;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.iisdiag.facts.ClassicAspError;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.TimeTakenRange;
import org.junit.jupiter.api.Test;

class AspErrorSetsTest {
    private static final Instant T = Instant.parse("2026-12-03T09:05:12Z");

    private static ExceptionCause timeout(String site, String page, long count) {
        return new ExceptionCause(null, new ClassicAspError(site, page, 0, "ASP_0113", "Script timed out", count, T, T, 500,
                List.of()), null);
    }

    private static IisStatusCount status500(String site, long count, long min, long max) {
        return new IisStatusCount("", site, 500, 0, 0, count, T, T, List.of(), List.of(),
                new TimeTakenRange(count, min, max, (min + max) / 2, T), List.of());
    }

    @Test
    void aStatusKeyHoldsOnlyTheErrorsWhenItsSiteAndCountAreTheirs() {
        List<ExceptionCause> causes = List.of(timeout("W3SVC4", "/reports/turnover.asp", 2),
                timeout("W3SVC4", "/reports/stock.asp", 1));
        assertThat(AspErrorSets.holdsOnly(causes, status500("W3SVC4", 3, 90_187, 90_214))).isTrue();
        assertThat(AspErrorSets.holdsOnly(causes, status500("W3SVC4", 21, 30, 90_214)))
                .as("other script errors logged 500 0 0 as well: their time-taken is not the timeouts'").isFalse();
        assertThat(AspErrorSets.holdsOnly(causes, status500("W3SVC1", 3, 90_187, 90_214))).as("another site").isFalse();
        assertThat(AspErrorSets.holdsOnly(List.of(), status500("W3SVC4", 0, 0, 0))).as("no errors").isFalse();
    }

    @Test
    void timeTakenIsTheRangeOfTheFirstKeyThatLoggedOne() {
        assertThat(AspErrorSets.timeTaken(List.of(status500("W3SVC4", 2, 90_187, 90_214)))).isEqualTo("90,187-90,214 ms");
        assertThat(AspErrorSets.timeTaken(List.of(new IisStatusCount("", "W3SVC4", 500, 0, 0, 2, T, T, List.of(), List.of(),
                TimeTakenRange.NONE, List.of())))).as("time-taken not logged").isEmpty();
        assertThat(AspErrorSets.timeTaken(List.of())).isEmpty();
    }
}
