package org.iisdiag.classified;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.iisdiag.facts.HttpRuntimeConfig;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.TimeTakenRange;
import org.junit.jupiter.api.Test;

class ExecutionTimeoutsTest {

    private static IisStatusCount fiveHundreds(long count, String first, String last, long min, long max) {
        return new IisStatusCount("", "W3SVC1", 500, 0, 0, count, Instant.parse(first), Instant.parse(last), List.of(),
                List.of(), new TimeTakenRange(count, min, max, (min + max) / 2, Instant.parse(last)), List.of());
    }

    @Test
    void theApplicationWideValueOrAspNetsDefaultAndWhereItComesFrom() {
        HttpRuntimeConfig unset = new HttpRuntimeConfig(110, 20480, "web.config", "", List.of("executionTimeout=110 (absent: ASP.NET's default)"), "web.config:5");
        HttpRuntimeConfig page = new HttpRuntimeConfig(600, 4096, "web.config", "Reports/Export.aspx", List.of(), "web.config:9");
        HttpRuntimeConfig set = new HttpRuntimeConfig(300, 4096, "web.config", "", List.of(), "web.config:5");
        assertThat(ExecutionTimeouts.seconds(List.of())).isEqualTo(110);
        assertThat(ExecutionTimeouts.seconds(List.of(page, unset))).as("a location's value is not the application's").isEqualTo(110);
        assertThat(ExecutionTimeouts.origin(List.of(unset))).startsWith("not set in the httpRuntime at web.config:5");
        assertThat(ExecutionTimeouts.seconds(List.of(set))).isEqualTo(300);
        assertThat(ExecutionTimeouts.origin(List.of(set))).isEqualTo("set in the httpRuntime at web.config:5");
        assertThat(ExecutionTimeouts.origin(List.of())).startsWith("ASP.NET's default");
    }

    @Test
    void requestsHoursApartCameOneAtATimeAndABurstDidNot() {
        assertThat(ExecutionTimeouts.oneAtATime(fiveHundreds(3, "2026-11-30T08:47:51Z", "2026-11-30T09:58:03Z", 110_315, 124_561))).isTrue();
        assertThat(ExecutionTimeouts.oneAtATime(fiveHundreds(12, "2025-01-09T10:00:03Z", "2025-01-09T10:02:26Z", 299_046, 301_216))).isFalse();
        assertThat(ExecutionTimeouts.oneAtATime(fiveHundreds(1, "2026-11-30T08:47:51Z", "2026-11-30T08:47:51Z", 110_315, 110_315))).isFalse();
        assertThat(ExecutionTimeouts.range(fiveHundreds(3, "2026-11-30T08:47:51Z", "2026-11-30T09:58:03Z", 110_315, 124_561)))
                .isEqualTo("110,315-124,561 ms");
    }

    @Test
    void theLocationPathIsThePageBelowItsApplication() {
        assertThat(ExecutionTimeouts.locationPath("/Reports/Export.aspx", "/")).isEqualTo("Reports/Export.aspx");
        assertThat(ExecutionTimeouts.locationPath("/legacy/report.aspx", "/legacy")).isEqualTo("report.aspx");
        assertThat(ExecutionTimeouts.locationPath("/legacyreport.aspx", "/legacy")).isEqualTo("legacyreport.aspx");
    }
}
