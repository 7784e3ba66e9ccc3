package org.iisdiag.classified;

import static org.assertj.core.api.Assertions.assertThat;

import org.iisdiag.conclusions.Target;
import org.junit.jupiter.api.Test;

class OwnPoolTest {
    @Test
    void aNewPoolIsNamedAfterTheApplicationOrTheSiteOfARootApplication() {
        assertThat(OwnPool.nameFor(new Target("", 1, "Default Web Site", "/hooks", "Shared"))).isEqualTo("HooksPool");
        assertThat(OwnPool.nameFor(new Target("", 4, "Timesheets", "", "IntranetApps"))).isEqualTo("TimesheetsPool");
        assertThat(OwnPool.nameFor(new Target("", 1, "Default Web Site", "", "DefaultAppPool"))).isEqualTo("DefaultWebSitePool");
        assertThat(OwnPool.nameFor(new Target("", -1, "", "", "Shared"))).as("nothing to name it after").isEmpty();
        assertThat(OwnPool.nameFor(new Target("", 1, "Shop", "/api v2", "Shared"))).as("not a name appcmd takes unquoted").isEmpty();
    }
}
