package org.iisdiag.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigScopesTest {

    private static AuthenticationConfig at(String locationPath) {
        return new AuthenticationConfig("anonymousAuthentication", false, "AnonymousAuthenticationModule", 1,
                "applicationHost.config", locationPath, List.of(), "applicationHost.config:10");
    }

    @Test
    void settingsOutsideAnyLocationApplyToEveryPath() {
        assertThat(ConfigScopes.samePath(at(""), at("Orders"))).isTrue();
        assertThat(ConfigScopes.samePath(at("."), at("Intranet/hr"))).isTrue();
    }

    @Test
    void aLocationMeetsItsOwnPathAndThePathsUnderIt() {
        assertThat(ConfigScopes.samePath(at("Intranet"), at("intranet"))).isTrue();
        assertThat(ConfigScopes.samePath(at("Intranet"), at("Intranet/hr"))).isTrue();
        assertThat(ConfigScopes.samePath(at("Intranet/hr/"), at("Intranet"))).isTrue();
    }

    @Test
    void anotherSiteOrASiblingApplicationIsAnotherScope() {
        assertThat(ConfigScopes.samePath(at("Intranet"), at("Orders"))).isFalse();
        assertThat(ConfigScopes.samePath(at("Intranet"), at("IntranetReports"))).isFalse();
        assertThat(ConfigScopes.samePath(at("Intranet/hr"), at("Intranet/reports"))).isFalse();
    }
}
