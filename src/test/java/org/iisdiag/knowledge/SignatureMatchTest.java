package org.iisdiag.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import java.util.regex.Pattern;

import org.iisdiag.conclusions.Certainty;
import org.junit.jupiter.api.Test;

class SignatureMatchTest {
    private static SignatureMatch match(Certainty c) {
        TreeMap<String, String> params = new TreeMap<>();
        params.put("account", "CONTOSO\\WEB01$");
        return new SignatureMatch(new ExceptionSignature("sql-login", Pattern.compile("Login failed"), "sql-login-failed", c,
                "note"), params);
    }

    @Test
    void aReportedMessageSupportsItsCauseAsProbableAtMost() {
        SignatureMatch reported = match(Certainty.CONFIRMED).asReported();
        assertThat(reported.signature().certainty()).isEqualTo(Certainty.PROBABLE);
        assertThat(reported.signature().id()).isEqualTo("sql-login");
        assertThat(reported.signature().diagnosis()).isEqualTo("sql-login-failed");
        assertThat(reported.paramPairs()).containsExactly("account", "CONTOSO\\WEB01$");
        SignatureMatch possible = match(Certainty.POSSIBLE);
        assertThat(possible.asReported()).isSameAs(possible);
        SignatureMatch probable = match(Certainty.PROBABLE);
        assertThat(probable.asReported()).isSameAs(probable);
    }
}
