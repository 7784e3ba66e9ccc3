package org.iisdiag.classified;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.iisdiag.facts.FailedRequestTrace;
import org.iisdiag.facts.ServerTraffic;
import org.iisdiag.facts.WebFarmConfig;
import org.junit.jupiter.api.Test;

/** Which farm member ARR's failing traces single out, and what that member's own log says. */
class ArrCorrelationTest {
    private static FailedRequestTrace trace(String backend, String errorCode) {
        return new FailedRequestTrace("fr1.xml", "/portal/", "GET", "1", "DefaultAppPool", "3316", "anonymous", "", null,
                502, 3, 31, "STATUS_CODE", "ApplicationRequestRouting", "EXECUTE_REQUEST_HANDLER", errorCode, "", "", "", 0,
                "", backend, "", "", 0, List.of(), 0, null, 6, false, List.of());
    }

    private static final WebFarmConfig FARM = new WebFarmConfig("PortalFarm", true,
            List.of("app41.fabrikam.local", "app42.fabrikam.local"), 30, "", "applicationHost.config", List.of(), "");

    @Test
    void theHresultOfAWinHttpErrorIsTheOneTracesRecord() {
        assertThat(ArrCorrelation.hresultOf(12029)).isEqualTo("0x80072efd");
        assertThat(ArrCorrelation.hresultOf(12002)).isEqualTo("0x80072ee2");
        assertThat(ArrCorrelation.hresultOf(12007)).isEqualTo("0x80072ee7");
    }

    @Test
    void oneMemberOnlyWhenEveryTraceOfThatFailureNamesIt() {
        assertThat(ArrCorrelation.onlyMember(List.of(trace("app42.fabrikam.local", "0x80072efd"),
                trace("APP42.fabrikam.local", "0x80072EFD")), 12029)).isEqualToIgnoringCase("app42.fabrikam.local");
        assertThat(ArrCorrelation.onlyMember(List.of(trace("app42.fabrikam.local", "0x80072efd"),
                trace("app41.fabrikam.local", "0x80072efd")), 12029)).as("two members").isEmpty();
        // a time-out to another member is another failure: it does not count against the one that refuses
        assertThat(ArrCorrelation.onlyMember(List.of(trace("app42.fabrikam.local", "0x80072efd"),
                trace("app41.fabrikam.local", "0x80072ee2")), 12029)).isEqualTo("app42.fabrikam.local");
        assertThat(ArrCorrelation.onlyMember(List.of(), 12029)).isEmpty();
    }

    @Test
    void theOtherMembersAndTheFarmOfAMember() {
        assertThat(ArrCorrelation.otherMembers(List.of(FARM), "app42.fabrikam.local")).isEqualTo("app41.fabrikam.local");
        assertThat(ArrCorrelation.otherMembers(List.of(FARM), "web9.contoso.local")).as("not a member of any farm").isEmpty();
        assertThat(ArrCorrelation.farmOf(List.of(FARM), "APP42")).isEqualTo("PortalFarm");
        assertThat(ArrCorrelation.healthCheckUrl(List.of(FARM), "app42.fabrikam.local")).isEmpty();
    }

    @Test
    void aCaseFolderNamesTheSameHostAsTheFarmAddress() {
        assertThat(ArrCorrelation.sameHost("APP42", "app42.fabrikam.local")).isTrue();
        assertThat(ArrCorrelation.sameHost("app42.fabrikam.local", "app42.contoso.local")).isTrue();
        assertThat(ArrCorrelation.sameHost("APP4", "app42.fabrikam.local")).isFalse();
        assertThat(ArrCorrelation.sameHost("10.60.1.42", "10.60.1.4")).as("addresses compare whole").isFalse();
        assertThat(ArrCorrelation.sameHost("", "app42")).isFalse();
    }

    @Test
    void theMembersLogEndingBeforeTheFirstFailureMeansItStoppedServing() {
        Instant began = Instant.parse("2025-11-24T09:12:32Z");
        ServerTraffic stopped = new ServerTraffic("APP42", 80, 0, 0, Instant.parse("2025-11-24T08:30:05Z"),
                Instant.parse("2025-11-24T09:11:41Z"));
        ServerTraffic serving = new ServerTraffic("APP42", 80, 0, 0, Instant.parse("2025-11-24T08:30:05Z"),
                Instant.parse("2025-11-24T09:40:00Z"));
        assertThat(ArrCorrelation.memberLogText(List.of(stopped), "app42.fabrikam.local", began))
                .contains("ends at 2025-11-24T09:11:41Z, before ARR's first failure").contains("stopped serving");
        assertThat(ArrCorrelation.memberLogText(List.of(serving), "app42.fabrikam.local", began)).contains("goes on until");
        assertThat(ArrCorrelation.memberLogText(List.of(serving), "app41.fabrikam.local", began)).isEmpty();
    }

    @Test
    void workerCrashesAccountForArrsLostConnectionsWhenTheyFallInTheirWindowAndAreAsMany() {
        org.iisdiag.facts.IisStatusCount arr = new org.iisdiag.facts.IisStatusCount("ARR01", "W3SVC1", 502, 3, 12152, 10,
                Instant.parse("2026-04-02T09:10:05Z"), Instant.parse("2026-04-02T09:31:12Z"), List.of(), List.of(),
                org.iisdiag.facts.TimeTakenRange.NONE);
        java.time.LocalDateTime at = java.time.LocalDateTime.parse("2026-04-02T09:10:05");
        org.iisdiag.facts.EventTimes same = new org.iisdiag.facts.EventTimes(at, at.plusMinutes(21), true);
        assertThat(ArrCorrelation.crashesMatch(same, 10, arr)).isTrue();
        assertThat(ArrCorrelation.crashesMatch(same, 5, arr)).as("half as many").isTrue();
        assertThat(ArrCorrelation.crashesMatch(same, 4, arr)).as("too few to account for them").isFalse();
        org.iisdiag.facts.EventTimes earlier = new org.iisdiag.facts.EventTimes(at.minusHours(3), at.minusHours(2), true);
        assertThat(ArrCorrelation.crashesMatch(earlier, 10, arr)).as("hours before").isFalse();
        org.iisdiag.facts.EventTimes local = new org.iisdiag.facts.EventTimes(at, at.plusMinutes(21), false);
        assertThat(ArrCorrelation.crashesMatch(local, 10, arr)).as("local time without a zone").isFalse();
        assertThat(ArrCorrelation.crashesMatch(org.iisdiag.facts.EventTimes.NONE, 10, arr)).isFalse();
    }
}
