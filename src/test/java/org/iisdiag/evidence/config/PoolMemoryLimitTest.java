package org.iisdiag.evidence.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.iisdiag.conclusions.WorkerAddressSpace;
import org.iisdiag.evidence.TextReads;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.PoolMemoryLimit;
import org.junit.jupiter.api.Test;

/** The recycling memory limits of application pools (periodicRestart privateMemory and memory, in KB). */
class PoolMemoryLimitTest {

    private static List<PoolMemoryLimit> read(String xml) throws IOException {
        ApplicationHostConfigReader reader = new ApplicationHostConfigReader();
        assertThat(TextReads.read(reader, EvidenceKind.APPLICATION_HOST_CONFIG, "applicationHost.config", xml).failed()).isFalse();
        return reader.facts().stream().filter(PoolMemoryLimit.class::isInstance).map(PoolMemoryLimit.class::cast).toList();
    }

    private static PoolMemoryLimit pool(List<PoolMemoryLimit> limits, String name) {
        return limits.stream().filter(l -> l.appPool().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aPoolsOwnLimitsWinOverTheDefaultsAndAPoolWithoutAnyHasNoFact() throws IOException {
        List<PoolMemoryLimit> limits = read("""
                <configuration><system.applicationHost><applicationPools>
                  <applicationPoolDefaults><recycling><periodicRestart privateMemory="819200" /></recycling></applicationPoolDefaults>
                  <add name="Shop"><recycling><periodicRestart privateMemory="1572864" memory="4194304" /></recycling></add>
                  <add name="Api" />
                  <add name="Batch"><recycling><periodicRestart privateMemory="0" /></recycling></add>
                </applicationPools></system.applicationHost></configuration>
                """);
        assertThat(limits).extracting(PoolMemoryLimit::appPool, PoolMemoryLimit::privateMemoryKb, PoolMemoryLimit::virtualMemoryKb)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Shop", 1_572_864L, 4_194_304L),
                        org.assertj.core.groups.Tuple.tuple("Api", 819_200L, 0L));
        assertThat(pool(limits, "Shop").privateMemoryText()).isEqualTo("1,572,864 KB (1.5 GB)");
        assertThat(pool(limits, "Api").privateMemoryText()).isEqualTo("819,200 KB (800 MB)");
        assertThat(pool(limits, "Api").source()).isEqualTo("applicationHost.config:2");
    }

    @Test
    void aThirtyTwoBitWorkerNeverReachesALimitFromThreeGigabytesOfPrivateBytes() throws IOException {
        List<PoolMemoryLimit> limits = read("""
                <configuration><system.applicationHost><applicationPools>
                  <add name="High"><recycling><periodicRestart privateMemory="6291456" /></recycling></add>
                  <add name="Low"><recycling><periodicRestart privateMemory="1048576" /></recycling></add>
                </applicationPools></system.applicationHost></configuration>
                """);
        assertThat(WorkerAddressSpace.limitNote(List.of(pool(limits, "High")))).contains("6,291,456 KB (6.0 GB)", "can never recycle");
        assertThat(WorkerAddressSpace.limitNote(List.of(pool(limits, "Low")))).contains("1,048,576 KB (1.0 GB)", "fragmented");
        assertThat(WorkerAddressSpace.limitNote(List.of())).isEmpty();
    }
}
