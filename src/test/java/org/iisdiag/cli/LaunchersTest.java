package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.iisdiag.TestPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release launchers (src/dist). The POSIX one runs here against a stand-in java that records what
 * it was given; the Windows ones cannot run here (no cmd.exe, no PowerShell on this machine), so their
 * text is checked for what makes them correct: every argument passed on, the home set, -jar, the exit code.
 */
class LaunchersTest {
    private static final Path DIST = TestPack.home().resolve("src/dist");

    @TempDir
    Path tmp;

    /** A release folder with the launcher and a stand-in java that prints its arguments and exits 42. */
    private Path release() throws IOException {
        Path release = Files.createDirectories(tmp.resolve("iisdiag 0.2.0"));
        Files.copy(DIST.resolve("iisdiag"), release.resolve("iisdiag"));
        Files.setPosixFilePermissions(release.resolve("iisdiag"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path bin = Files.createDirectories(tmp.resolve("jdk/bin"));
        Files.writeString(bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do printf '<%s>\\n' \"$a\"; done\nexit 42\n");
        Files.setPosixFilePermissions(bin.resolve("java"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return release;
    }

    private record Run(int code, List<String> args, String err) {
    }

    private Run run(Path launcher, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
        pb.environment().remove("JAVA_HOME");
        pb.environment().remove("IISDIAG_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> received = out.lines().map(l -> l.substring(1, l.length() - 1)).toList();
        return new Run(p.exitValue(), received, err);
    }

    @Test
    void posixLauncherPassesEveryArgumentVerbatimAndReturnsTheExitCode() throws Exception {
        Path release = release();
        String[] args = {"diagnose", "C:\\cases\\my case", "", "say \"hi\"", "it's", "*", "$HOME", "-o", "r.html"};
        Run r = run(release.resolve("iisdiag"), Map.of("JAVA_HOME", tmp.resolve("jdk").toString()), args);
        assertThat(r.code()).as(r.err()).isEqualTo(42);
        List<String> expected = new ArrayList<>(LauncherJvmOptions.forThisMachine());
        expected.addAll(List.of("-Diisdiag.home=" + release.toRealPath(), "-jar",
                release.toRealPath().resolve("iisdiag.jar").toString()));
        expected.addAll(List.of(args));
        assertThat(r.args()).isEqualTo(expected);
    }

    @Test
    void posixLauncherFindsJavaOnThePathAndItsHomeThroughASymlink() throws Exception {
        Path release = release();
        Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("usr/bin")).resolve("iisdiag"),
                release.resolve("iisdiag"));
        Run r = run(link, Map.of("PATH", tmp.resolve("jdk/bin") + ":/usr/bin:/bin", "IISDIAG_JAVA_OPTS", "-Xmx64m -Dx=1"),
                "--version");
        assertThat(r.code()).as(r.err()).isEqualTo(42);
        // the user's options come after the launcher's, so they win (-Xmx64m over -Xmx256m)
        List<String> expected = new ArrayList<>(LauncherJvmOptions.forThisMachine());
        expected.addAll(List.of("-Xmx64m", "-Dx=1", "-Diisdiag.home=" + release.toRealPath(), "-jar",
                release.toRealPath().resolve("iisdiag.jar").toString(), "--version"));
        assertThat(r.args()).isEqualTo(expected);
    }

    @Test
    void everyLauncherPassesTheSameJvmOptionsBeforeTheUsers() throws IOException {
        String options = LauncherJvmOptions.asText();
        assertThat(Files.readString(TestPack.home().resolve("iisdiag"))).contains("OPTS=(" + options + " $thp)\n",
                "exec java \"${CDS[@]}\" \"${OPTS[@]}\" ${IISDIAG_JAVA_OPTS:-}");
        assertThat(Files.readString(DIST.resolve("iisdiag"))).contains(options + " $thp ${IISDIAG_JAVA_OPTS:-}");
        // huge pages are a Linux-only JVM option: never in the Windows launchers
        assertThat(Files.readString(DIST.resolve("iisdiag.cmd")) + Files.readString(DIST.resolve("iisdiag.ps1")))
                .doesNotContain("HugePages");
        assertThat(Files.readString(DIST.resolve("iisdiag.cmd"))).contains(options + " %IISDIAG_JAVA_OPTS%");
        String quoted = "'" + String.join("', '", LauncherJvmOptions.OPTIONS) + "'";
        String ps1 = Files.readString(DIST.resolve("iisdiag.ps1"));
        assertThat(ps1).contains("$javaArgs = @(" + quoted + ")");
        assertThat(ps1.indexOf("$javaArgs = @(" + quoted)).isLessThan(ps1.indexOf("$env:IISDIAG_JAVA_OPTS }"));
    }

    @Test
    void posixLaunchersAskForHugePagesExactlyWhenTheKernelOffersThem() throws IOException {
        assertThat(LauncherJvmOptions.hugePagesOffered("always [madvise] never\n")).isTrue();
        assertThat(LauncherJvmOptions.hugePagesOffered("[always] madvise never\n")).isTrue();
        assertThat(LauncherJvmOptions.hugePagesOffered("always madvise [never]\n")).isFalse();
        assertThat(LauncherJvmOptions.hugePagesOffered("")).isFalse();
        for (Path launcher : List.of(TestPack.home().resolve("iisdiag"), DIST.resolve("iisdiag"))) {
            assertThat(Files.readString(launcher)).contains("case $(cat " + LauncherJvmOptions.THP_SETTING,
                    "*'[always]'*|*'[madvise]'*) thp=" + LauncherJvmOptions.HUGE_PAGES + " ;;");
        }
    }

    @Test
    void posixLauncherSaysWhenThereIsNoJava() throws Exception {
        Run r = run(release().resolve("iisdiag"), Map.of("JAVA_HOME", tmp.resolve("no-jdk").toString()), "--version");
        assertThat(r.code()).isEqualTo(127);
        assertThat(r.err()).contains("JAVA_HOME", "no-jdk");
    }

    @Test
    void posixLauncherNeedsNoMaven() throws IOException {
        assertThat(Files.readString(DIST.resolve("iisdiag"))).startsWith("#!/bin/sh\n").doesNotContain("mvn", "target/");
    }

    @Test
    void cmdLauncherPassesAllArgumentsSetsTheHomeAndReturnsTheExitCode() throws IOException {
        String cmd = Files.readString(DIST.resolve("iisdiag.cmd"), StandardCharsets.US_ASCII);
        List<String> lines = cmd.lines().toList();
        String java = lines.stream().filter(l -> l.contains("-jar")).findFirst().orElseThrow();
        assertThat(java).startsWith("\"%IISDIAG_JAVA%\"").endsWith(" %*")
                .contains("\"-Diisdiag.home=%IISDIAG_HOME_DIR%\"", "-jar \"%IISDIAG_HOME_DIR%\\iisdiag.jar\"");
        assertThat(lines.get(lines.indexOf(java) + 1)).isEqualTo("exit /b %ERRORLEVEL%");
        assertThat(cmd).contains("set \"IISDIAG_HOME_DIR=%~dp0\"", "%JAVA_HOME%\\bin\\java.exe", "where /q java.exe")
                .doesNotContain("EnableDelayedExpansion"); // it would eat "!" in arguments
        // a ")" in "C:\Program Files (x86)\..." would end a parenthesised block early
        assertThat(lines).noneMatch(l -> !l.startsWith("rem") && l.contains("(") && !l.startsWith("echo"));
        // cmd.exe mis-reads batch files with LF line ends; the release converts, the repository keeps CRLF too
        assertThat(cmd).contains("\r\n").doesNotContainPattern("[^\r]\n");
    }

    @Test
    void powerShellLauncherPassesAllArgumentsSetsTheHomeAndReturnsTheExitCode() throws IOException {
        String ps1 = Files.readString(DIST.resolve("iisdiag.ps1"), StandardCharsets.US_ASCII);
        assertThat(ps1).contains("$javaArgs += \"-Diisdiag.home=$iisdiagHome\"", "$javaArgs += '-jar'",
                "(Join-Path $iisdiagHome 'iisdiag.jar')", "$javaArgs += @($args)", "$iisdiagHome = $PSScriptRoot",
                "Join-Path (Join-Path $env:JAVA_HOME 'bin') $javaName", "Get-Command $javaName -CommandType Application")
                .doesNotContainPattern("(?m)^\\s*param\\(");
        List<String> lines = ps1.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("exit $LASTEXITCODE");
        assertThat(lines.get(lines.size() - 2)).startsWith("& $java @(");
        assertThat(ps1.chars().allMatch(c -> c < 128)).as("ASCII only (Windows PowerShell 5.1 reads ANSI)").isTrue();
    }
}
