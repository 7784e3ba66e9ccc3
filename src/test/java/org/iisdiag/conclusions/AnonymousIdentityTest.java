package org.iisdiag.conclusions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iisdiag.facts.AnonymousUserConfig;
import org.iisdiag.facts.AppPoolDefinition;
import org.junit.jupiter.api.Test;

class AnonymousIdentityTest {
    private static AnonymousUserConfig user(String name) {
        return new AnonymousUserConfig(name, "ClearText", 0, "applicationHost.config", "", List.of(), "applicationHost.config:40");
    }

    private static AppPoolDefinition pool(String name, String identityType) {
        return new AppPoolDefinition(name, identityType, identityType.equals("SpecificUser"), "", "Integrated", false, 1000,
                true, "OnDemand", true, "applicationHost.config", List.of(), "applicationHost.config:5");
    }

    @Test
    void anEmptyUserNameIsThePoolIdentityByItsAccountName() {
        assertThat(AnonymousIdentity.account(user(""), List.of(pool("Handbook", "ApplicationPoolIdentity")), "Handbook"))
                .isEqualTo("IIS AppPool\\Handbook");
        assertThat(AnonymousIdentity.account(user(""), List.of(pool("Legacy", "NetworkService")), "legacy"))
                .isEqualTo("NETWORK SERVICE");
        assertThat(AnonymousIdentity.setting(user(""))).contains("application pool identity");
    }

    @Test
    void iusrAndAccountsOfTheirOwnAreNamedAsWritten() {
        assertThat(AnonymousIdentity.account(user("IUSR"), List.of(), "Any")).isEqualTo("IUSR");
        assertThat(AnonymousIdentity.account(user("NT AUTHORITY\\IUSR"), List.of(), "Any")).isEqualTo("IUSR");
        assertThat(AnonymousIdentity.account(user("CONTOSO\\svc-web"), List.of(), "Any")).isEqualTo("CONTOSO\\svc-web");
    }

    @Test
    void aCustomPoolAccountOrAMissingPoolIsNotGuessed() {
        assertThat(AnonymousIdentity.account(user(""), List.of(pool("Intranet", "SpecificUser")), "Intranet")).isEmpty();
        assertThat(AnonymousIdentity.account(user(""), List.of(), "Intranet")).isEmpty();
    }
}
