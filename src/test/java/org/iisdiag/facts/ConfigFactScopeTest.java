package org.iisdiag.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigFactScopeTest {

    private static AuthenticationConfig at(String locationPath) {
        return new AuthenticationConfig("anonymousAuthentication", false, "AnonymousAuthenticationModule", 1,
                "applicationHost.config", locationPath, List.of(), "applicationHost.config:10");
    }

    @Test
    void settingsOutsideAnyLocationApplyToEveryPath() {
        assertThat(ConfigFact.samePathScope(at(""), at("Orders"))).isTrue();
        assertThat(ConfigFact.samePathScope(at("."), at("Intranet/hr"))).isTrue();
    }

    @Test
    void aLocationMeetsItsOwnPathAndThePathsUnderIt() {
        assertThat(ConfigFact.samePathScope(at("Intranet"), at("intranet"))).isTrue();
        assertThat(ConfigFact.samePathScope(at("Intranet"), at("Intranet/hr"))).isTrue();
        assertThat(ConfigFact.samePathScope(at("Intranet/hr/"), at("Intranet"))).isTrue();
    }

    @Test
    void anotherSiteOrASiblingApplicationIsAnotherScope() {
        assertThat(ConfigFact.samePathScope(at("Intranet"), at("Orders"))).isFalse();
        assertThat(ConfigFact.samePathScope(at("Intranet"), at("IntranetReports"))).isFalse();
        assertThat(ConfigFact.samePathScope(at("Intranet/hr"), at("Intranet/reports"))).isFalse();
    }
}
