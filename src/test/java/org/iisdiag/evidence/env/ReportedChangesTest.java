package org.iisdiag.evidence.env;

import static org.assertj.core.api.Assertions.assertThat;

import org.iisdiag.facts.ReportedChange;
import org.junit.jupiter.api.Test;

class ReportedChangesTest {
    @Test
    void aSentenceWithAVerbOfChangeIsAChangeOnRecord() {
        assertThat(ReportedChanges.in("Yesterday evening change CHG-20931 switched the pool to ApplicationPoolIdentity. No code was deployed."))
                .get().extracting(ReportedChange::clause)
                .isEqualTo("Yesterday evening change CHG-20931 switched the pool to ApplicationPoolIdentity");
        assertThat(ReportedChanges.in("Since Monday the network team moved WEB04 to the new VLAN; pages show 404.")).isPresent();
    }

    @Test
    void aDeniedChangeIsNone() {
        assertThat(ReportedChanges.in("Nothing was deployed and we haven't changed anything. Users get 500s.")).isEmpty();
        assertThat(ReportedChanges.in("No code was deployed; the site just stopped.")).isEmpty();
        assertThat(ReportedChanges.in("Users get 503 since 9:00.")).isEmpty();
        assertThat(ReportedChanges.in("")).isEmpty();
        assertThat(ReportedChanges.in(null)).isEmpty();
    }
}
