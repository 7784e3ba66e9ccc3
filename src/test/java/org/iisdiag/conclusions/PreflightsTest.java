package org.iisdiag.conclusions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.iisdiag.classified.ErrorStatus;
import org.iisdiag.facts.AuthenticationConfig;
import org.iisdiag.facts.CorsPreflight;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.TimeTakenRange;
import org.iisdiag.facts.UriCount;
import org.junit.jupiter.api.Test;

class PreflightsTest {

    private static ErrorStatus unauthorized(List<UriCount> methods) {
        IisStatusCount c = new IisStatusCount("", "W3SVC2", 401, 2, 5, 9, Instant.EPOCH, Instant.EPOCH, List.of(), List.of(),
                TimeTakenRange.NONE, List.of(), methods);
        return new ErrorStatus(c, 401, 2, 5, 9, null, Target.CASE);
    }

    private static AuthenticationConfig auth(String method, boolean enabled, int level, String source) {
        return new AuthenticationConfig(method, enabled, "", level, source.substring(0, source.indexOf(':')), "", List.of(), source);
    }

    private static Map<String, String> params(String... p) {
        return java.util.stream.IntStream.range(0, p.length / 2).boxed()
                .collect(Collectors.toMap(i -> p[2 * i], i -> p[2 * i + 1]));
    }

    @Test
    void theOptionsAmongA401KeyAreItsPreflights() {
        ErrorStatus withOptions = unauthorized(List.of(new UriCount("GET", 6, 0), new UriCount("OPTIONS", 3, 0)));
        ErrorStatus without = unauthorized(List.of(new UriCount("GET", 9, 0)));
        assertThat(Preflights.hasOptions(withOptions)).isTrue();
        assertThat(Preflights.hasOptions(without)).isFalse();
        assertThat(Preflights.options(List.of(withOptions, without))).isEqualTo(3);
    }

    @Test
    void theLastLevelInMergeOrderSaysWhetherAMethodIsOn() {
        List<Object> levels = List.of(auth("anonymousAuthentication", true, 0, "applicationHost.config:120"),
                auth("anonymousAuthentication", false, 1, "applicationHost.config:300"),
                auth("windowsAuthentication", true, 100, "web.config:9"));
        assertThat(Preflights.inForce(levels, "anonymousAuthentication")).isEqualTo("off");
        assertThat(Preflights.inForce(levels, "windowsAuthentication")).isEqualTo("on");
        assertThat(Preflights.inForce(levels, "basicAuthentication")).isEmpty();
        // the same level: the later line wins (as a number: 99 before 100)
        assertThat(Preflights.inForce(List.of(auth("anonymousAuthentication", false, 100, "web.config:100"),
                auth("anonymousAuthentication", true, 100, "web.config:99")), "anonymousAuthentication")).isEqualTo("off");
    }

    @Test
    void theParametersNameTheOriginTheMethodAndWhatRefusedIt() {
        CorsPreflight p = new CorsPreflight("api.contoso.com", "https://app.contoso.com", "PUT", "content-type", 401, false,
                "Negotiate, NTLM", "Microsoft-IIS/10.0", 2, Instant.EPOCH, Instant.EPOCH,
                List.of("https://api.contoso.com/orders/1"), List.of());
        ErrorStatus e = unauthorized(List.of(new UriCount("OPTIONS", 4, 0)));
        Map<String, String> m = params(Preflights.params(List.of(p), List.of(e),
                List.of(auth("anonymousAuthentication", false, 1, "applicationHost.config:30"),
                        auth("windowsAuthentication", true, 1, "applicationHost.config:31"))));
        assertThat(m).containsEntry("firstOrigin", "https://app.contoso.com").containsEntry("method", "PUT")
                .containsEntry("requestHeaders", "content-type").containsEntry("firstUrl", "https://api.contoso.com/orders/1")
                .containsEntry("options", "4").containsEntry("anonymous", "off").containsEntry("originText", " (https://app.contoso.com)");
        assertThat(m.get("authNote")).isEqualTo("anonymous authentication is off for the site and Windows authentication on");
        assertThat(m.get("harNote")).contains("2 preflight(s) https://api.contoso.com/orders/1 for PUT from https://app.contoso.com")
                .contains("WWW-Authenticate Negotiate, NTLM and no Access-Control-Allow-Origin");
        assertThat(m.get("logNote")).isEqualTo(" The IIS log has 4 OPTIONS requests among its 9 x 401.2 (win32 5), none of them with a user name.");
        // the IIS log alone: no origin, the method a preflight usually asks for, the scheme unknown
        Map<String, String> log = params(Preflights.params(List.of(), List.of(e), List.of()));
        assertThat(log).containsEntry("firstOrigin", "").containsEntry("method", "POST").containsEntry("harNote", "");
        assertThat(log.get("authNote")).isEqualTo("the site requires authentication");
        assertThat(Arrays.asList(Preflights.params(List.of(), List.of(), List.of())).size() % 2).isZero();
    }
}
