package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.iisdiag.TestPack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as users run it, through the jar: 'daemon start' leaves a daemon behind and returns once it is
 * ready, 'diagnose' is then served by it and prints the bytes a run without it prints, 'daemon stop' ends it.
 */
class DaemonIT {
    @TempDir
    Path cache;

    private Result run(boolean daemonAllowed, String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("iisdiag.jar", "target/iisdiag.jar"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Diisdiag.home=" + TestPack.home(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("IISDIAG_CACHE_DIR", cache.toString()); // a daemon of this test's own
        if (daemonAllowed) {
            pb.environment().remove("IISDIAG_NO_DAEMON");
        } else {
            pb.environment().put("IISDIAG_NO_DAEMON", "1");
        }
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    record Result(int code, String out, String err) {
    }

    @AfterEach
    void stopAnyDaemon() throws Exception {
        run(true, "daemon", "stop");
    }

    @Test
    void startServeAndStop() throws Exception {
        assertThat(run(true, "daemon", "status").code()).isEqualTo(ExitCodes.DAEMON_NOT_RUNNING);
        Result started = run(true, "daemon", "start", "--idle-timeout", "5");
        assertThat(started.code()).as(started.err()).isZero();
        assertThat(started.out()).contains("iisdiag daemon: running", "pid ", "stops after 5 min");
        Result status = run(true, "daemon", "status");
        assertThat(status.code()).isZero();
        assertThat(status.out()).contains("pack loaded 1 time(s)");

        String caseDir = TestPack.cases().resolve("classic-asp-errors").toString();
        for (String format : List.of("text", "json")) {
            Result served = run(true, "diagnose", caseDir, "--format", format);
            Result alone = run(false, "diagnose", caseDir, "--format", format);
            assertThat(served.code()).isEqualTo(alone.code()).isZero();
            assertThat(served.out()).isEqualTo(alone.out());
            assertThat(served.err()).isEqualTo(alone.err());
        }
        assertThat(run(true, "daemon", "status").out()).contains("2 run(s) served");
        Result missing = run(true, "diagnose", cache.resolve("missing").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.CASE_UNREADABLE);

        assertThat(run(true, "daemon", "start").out()).as("a second start finds the first").contains("running");
        Result stopped = run(true, "daemon", "stop");
        assertThat(stopped.out()).contains("stopping");
        for (int i = 0; i < 100 && run(true, "daemon", "status").code() == 0; i++) {
            Thread.sleep(100);
        }
        assertThat(run(true, "daemon", "status").code()).isEqualTo(ExitCodes.DAEMON_NOT_RUNNING);
    }
}
