package org.iisdiag.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
    private final Redactor r = Redactor.DEFAULT;

    @Test
    void masksEverySensitiveParameterCaseInsensitively() {
        for (String name : Redactor.SENSITIVE_PARAMS) {
            String upper = name.toUpperCase();
            assertThat(r.redactQuery("a=1&" + upper + "=s3cr3t&b=2")).as(name).isEqualTo("a=1&" + upper + "=***&b=2");
        }
    }

    @Test
    void anErrorOrExitCodeIsAStatusNotAnAuthorizationCode() {
        Redactor r = Redactor.DEFAULT;
        assertThat(r.redact("Process '0' failed to start. Port = 21344, Error Code = '-2147024894'."))
                .contains("Error Code = '-2147024894'");
        assertThat(r.redact("the process ended, exit code=3")).contains("exit code=3");
        assertThat(r.redact("/signin-oidc?code=0.AXoA1b2c3&state=x")).doesNotContain("0.AXoA1b2c3");
        assertThat(r.redact("GET /verify code=482913")).doesNotContain("482913");
    }

    @Test
    void masksParametersInUrlsAndWholeLinesButNotLookalikes() {
        assertThat(r.redactQuery("/login?user=bob&password=hunter2")).isEqualTo("/login?user=bob&password=***");
        assertThat(r.redactQuery("/cb?code=xyz;state=1")).isEqualTo("/cb?code=***;state=1");
        assertThat(r.redactQuery("GET /x token=abc 443")).isEqualTo("GET /x token=*** 443");
        // names that merely contain a sensitive word are left alone
        assertThat(r.redactQuery("zipcode=12345&monkey=1&keyboard=us")).isEqualTo("zipcode=12345&monkey=1&keyboard=us");
        assertThat(r.redactQuery("no query here")).isEqualTo("no query here");
        assertThat(r.redactQuery("password=")).isEqualTo("password=");
    }

    @Test
    void masksTheWholeCookieFieldOfAW3cLine() {
        String line = "2025-01-09 10:00:00 GET /a sid=1&Key=K1 SESSION_ID=e4ed;+DeviceWidth=0 200";
        assertThat(r.redactW3cLine(line, 5)).isEqualTo("2025-01-09 10:00:00 GET /a sid=1&Key=*** *** 200");
        // "-" (no cookie) stays, and -1 means the layout has no cookie field
        assertThat(r.redactW3cLine("a - b", 1)).isEqualTo("a - b");
        assertThat(r.redactW3cLine("a c=d b", -1)).isEqualTo("a c=d b");
    }
}
