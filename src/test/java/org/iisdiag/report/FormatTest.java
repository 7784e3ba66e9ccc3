package org.iisdiag.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.iisdiag.evidence.CaseEvidence.PeakMinute;
import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void aPeakMinuteNamesEachSourceThatHadErrorsThatMinute() {
        assertThat(Format.peak(new PeakMinute("2024-03-04T14:00:00Z", 59, 5, 54)))
                .isEqualTo("2024-03-04 14:00 with 59 (5 IIS log, 54 HTTPERR)");
        assertThat(Format.peak(new PeakMinute("2025-08-12T07:41:00Z", 2, 2, 0)))
                .isEqualTo("2025-08-12 07:41 with 2 (IIS log)");
        assertThat(Format.peak(new PeakMinute("2025-08-12T07:41:00Z", 1_200, 0, 1_200)))
                .isEqualTo("2025-08-12 07:41 with 1,200 (HTTPERR)");
    }

    @Test
    void spansOfMinutesReadAsAPersonSaysThem() {
        assertThat(Format.minutes(1)).isEqualTo("1 minute");
        assertThat(Format.minutes(24)).isEqualTo("24 minutes");
        assertThat(Format.minutes(120)).isEqualTo("2 hours");
        assertThat(Format.minutes(1440)).isEqualTo("1 day");
    }
}
