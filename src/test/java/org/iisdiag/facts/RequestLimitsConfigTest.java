package org.iisdiag.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class RequestLimitsConfigTest {
    private static RequestLimitsConfig level(long maxAllowedContentLength, String location) {
        return new RequestLimitsConfig(maxAllowedContentLength, 4096, 2048, "web.config", location, List.of(), "web.config:7");
    }

    @Test
    void theApplicationsOwnLevelOrIisDefaultIsTheLimitInForce() {
        assertThat(RequestLimitsConfig.allowedContentLength(List.of())).isEqualTo(30_000_000L);
        assertThat(RequestLimitsConfig.allowedContentLength(List.of(level(104_857_600, "")))).isEqualTo(104_857_600L);
        assertThat(RequestLimitsConfig.allowedContentLength(List.of(level(104_857_600, ".")))).isEqualTo(104_857_600L);
    }

    @Test
    void anotherPathSeveralLevelsOrAnUnreadableValueTellNothing() {
        assertThat(RequestLimitsConfig.allowedContentLength(List.of(level(104_857_600, "upload")))).isEqualTo(Long.MAX_VALUE);
        assertThat(RequestLimitsConfig.allowedContentLength(List.of(level(1, ""), level(2, ""))))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(RequestLimitsConfig.allowedContentLength(List.of(level(-1, "")))).isEqualTo(Long.MAX_VALUE);
    }
}
