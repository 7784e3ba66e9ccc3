package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.iisdiag.TestPack;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar as users run it (java -jar, separate JVM): Drools must find its services in the
 * merged META-INF, and rules/knowledge-base must load from disk.
 */
class RunnableJarIT {

    private static Result run(String... args) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("iisdiag.jar", "target/iisdiag.jar"));
        assertThat(jar).exists();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Diisdiag.home=" + TestPack.home(), "-jar", jar.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    record Result(int code, String out, String err) {
    }

    @Test
    void diagnosesTheSampleCase() throws Exception {
        Result r = run("diagnose", TestPack.cases().resolve("503-rapid-fail").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ACTIONS (").contains("ApiAppPool");
        assertThat(r.err()).as("no Drools log noise on stderr").isEmpty();
    }

    @Test
    void versionAndHelp() throws Exception {
        Result v = run("--version");
        assertThat(v.code()).isZero();
        assertThat(v.out()).startsWith("iisdiag ");
        Result h = run("diagnose", "--help");
        assertThat(h.out()).contains("Exit codes:").contains("--format");
    }

    @Test
    void exitCodeForAMissingCase() throws Exception {
        Result r = run("diagnose", Files.createTempDirectory("x").resolve("missing").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.CASE_UNREADABLE);
    }
}
