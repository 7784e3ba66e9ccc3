package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The daemon's JVM line and its warm-up, without starting one (DaemonIT starts one through the jar). */
class DaemonCommandTest {
    @Test
    void theDaemonKeepsTheLauncherOptionsWithASmallerHeapAndTheUsersOwnLast() {
        List<String> launcher = new ArrayList<>(LauncherJvmOptions.OPTIONS);
        launcher.add(LauncherJvmOptions.HUGE_PAGES);
        launcher.add("-XX:SharedArchiveFile=/x/iisdiag.jsa");
        launcher.add("-Xmx1g"); // IISDIAG_JAVA_OPTS
        launcher.add("-agentlib:jdwp=transport=dt_socket,server=y,address=5005");
        List<String> daemon = DaemonCommand.daemonJvmOptions(launcher);
        assertThat(daemon).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m", "-Xmx144m",
                        "-Diisdiag.wholePack=true")
                .doesNotContain("-Xmx256m", "-Xms128m", "-XX:SharedArchiveFile=/x/iisdiag.jsa", LauncherJvmOptions.HUGE_PAGES)
                .noneMatch(o -> o.startsWith("-agentlib:jdwp"));
        assertThat(daemon.indexOf("-Xmx1g")).as("the user's cap comes after, so it wins").isGreaterThan(daemon.indexOf("-Xmx144m"));
    }

    @Test
    void theWarmUpDiagnosesEveryBundledCaseAndEveryFormat() throws Exception {
        List<List<String>> runs = DaemonCommand.warmUpRuns(); // iisdiag.home is the project (see the pom)
        assertThat(runs).allSatisfy(r -> assertThat(r.get(0)).isEqualTo("diagnose"));
        assertThat(runs.stream().map(r -> r.get(r.size() - 1)).distinct())
                .containsExactlyInAnyOrder("json", "text", "md", "html", "sarif");
        assertThat(runs).anySatisfy(r -> assertThat(r.get(1)).endsWith("503-rapid-fail"));
    }
}
