package org.iisdiag.evidence.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iisdiag.facts.CpuUsage;
import org.iisdiag.facts.ServerEnvironment;
import org.junit.jupiter.api.Test;

/** The CPU figure an engineer writes in reported.description, either way round, and nothing else. */
class ReportedCpuTest {

    private static CpuUsage cpu(String description) {
        return ReportedCpu.in(description).orElseThrow();
    }

    @Test
    void aFigureNextToTheWordCpuEitherWayRound() {
        assertThat(cpu("Task Manager shows w3wp.exe at 97-99% CPU.").percent()).isEqualTo(99);
        assertThat(cpu("Task Manager shows w3wp.exe at 97-99% CPU.").shown()).isEqualTo("97-99%");
        assertThat(cpu("framework: .NET Framework 4.8; cpu during incident: 12%").percent()).isEqualTo(12);
        assertThat(cpu("CPU at 100 % since noon").percent()).isEqualTo(100);
        assertThat(cpu("the processor was at 85 percent").percent()).isEqualTo(85);
        assertThat(cpu("w3wp uses 92.5% of the CPU").percent()).isEqualTo(93);
    }

    @Test
    void theHighestFigureWinsAndItsClauseIsQuoted() {
        CpuUsage c = cpu("Task Manager shows w3wp.exe of ShopPool at 97-99% CPU (8 vCPU VM, total CPU pinned at 100%). Memory is flat.");
        assertThat(c.percent()).isEqualTo(100);
        assertThat(c.high()).isTrue();
        assertThat(c.quote()).startsWith("Task Manager shows w3wp.exe of ShopPool").doesNotContain("Memory");
        assertThat(c.source()).isEqualTo("env.yaml reported.description");
    }

    @Test
    void percentagesOfSomethingElseAndOtherSentencesAreNotTheCpu() {
        assertThat(ReportedCpu.in("CPU is fine and 99% of requests fail")).isEmpty();
        assertThat(ReportedCpu.in("CPU looks normal. 95% of the users are affected.")).isEmpty();
        assertThat(ReportedCpu.in("disk 95% full, memory 80%")).isEmpty();
        assertThat(ReportedCpu.in("CPU: 8 cores")).isEmpty();
        assertThat(ReportedCpu.in("w3wp at 350% CPU in perfmon")).isEmpty(); // a process counter summed over cores
        assertThat(ReportedCpu.in("")).isEmpty();
        assertThat(ReportedCpu.in(null)).isEmpty();
    }

    @Test
    void lowAndHighAreTheArticlesBands() {
        assertThat(cpu("CPU 12%").low()).isTrue();
        assertThat(cpu("CPU 12%").high()).isFalse();
        assertThat(cpu("CPU 80%").high()).isTrue();
        assertThat(cpu("CPU 50%").low()).isFalse();
        assertThat(cpu("CPU 50%").high()).isFalse();
    }

    @Test
    void theEnvironmentFactsCarryIt() {
        EnvFacts env = new EnvFacts(ServerEnvironment.unknown(), List.of(), List.of(), "w3wp at 98% CPU", List.of());
        assertThat(env.facts()).filteredOn(CpuUsage.class::isInstance).singleElement()
                .extracting(o -> ((CpuUsage) o).percent()).isEqualTo(98);
        assertThat(EnvFacts.unknown().facts()).noneMatch(CpuUsage.class::isInstance);
    }
}
