package org.iisdiag.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LogonFailureTest {
    private static LogonFailure failure(String status, String sub) {
        return new LogonFailure(status, sub, 8, "Negotiate", "TAILSPIN\\svc-webanon", "WEB01", "-", "WEB01", true, 3,
                EventTimes.NONE, List.of());
    }

    @Test
    void theReasonIsTheSubStatusWhenItCarriesOne() {
        assertThat(failure("0xC000006D", "0xC000006A").reason()).isEqualTo("0xc000006a");
        assertThat(failure("0xC000015B", "0x0").reason()).as("no sub status: the status").isEqualTo("0xc000015b");
        assertThat(failure("0xC0000234", "").reason()).isEqualTo("0xc0000234");
    }

    @Test
    void accountCausesNameTheAccountsState() {
        assertThat(LogonFailure.accountCause("0xC000006A")).startsWith("the password IIS holds for it is wrong");
        assertThat(LogonFailure.accountCause("0xc0000234")).contains("locked out");
        assertThat(LogonFailure.accountCause("0xc0000224")).isEqualTo(LogonFailure.accountCause("0xc0000071"));
        assertThat(LogonFailure.accountCause("0xc000006d")).as("a bare logon failure says nothing about the account").isEmpty();
    }
}
