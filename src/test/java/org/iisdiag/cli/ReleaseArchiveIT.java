package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.iisdiag.TestPack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archives as an IIS engineer gets them: unpacked into a folder outside the repository and
 * run from there, with no Maven, no IISDIAG_* variables and no repository on the way: the launcher,
 * the bare jar from another folder (built-in pack), --version, and the bash completion.
 */
class ReleaseArchiveIT {
    private static final String RELEASE = System.getProperty("iisdiag.release", "target/iisdiag-0.2.0");
    private static final Path ZIP = Path.of(RELEASE + ".zip");
    private static final Path TGZ = Path.of(RELEASE + ".tar.gz");
    private static final String BASE = Path.of(RELEASE).getFileName().toString();
    private static final String SAMPLE = "knowledge-base/cases/503-rapid-fail";

    @TempDir
    static Path tmp;
    private static Path fromTar;
    private static Path fromZip;
    private static Path cache;

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(ZIP).exists();
        assertThat(TGZ).exists();
        Path tarDir = Files.createDirectories(tmp.resolve("tar"));
        Result tar = run(tmp, Map.of(), "tar", "-xzf", TGZ.toAbsolutePath().toString(), "-C", tarDir.toString());
        assertThat(tar.code()).as(tar.err()).isZero();
        fromTar = tarDir.resolve(BASE);
        fromZip = Files.createDirectories(tmp.resolve("zip")).resolve(BASE);
        try (FileSystem zip = FileSystems.newFileSystem(ZIP)) {
            Path root = zip.getPath("/");
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    Path target = tmp.resolve("zip").resolve(root.relativize(p).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
        cache = Files.createDirectories(tmp.resolve("cache"));
    }

    record Result(int code, String out, String err) {
    }

    /** Runs a command in {@code dir} with a clean environment: no IISDIAG_* variables, JAVA_HOME = this JVM. */
    private static Result run(Path dir, Map<String, String> extraEnv, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("IISDIAG_") || k.equals("MAVEN_OPTS"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("PATH", "/usr/bin:/bin");
        if (cache != null) {
            pb.environment().put("IISDIAG_CACHE_DIR", cache.toString());
        }
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        // stderr is small; read it after stdout
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    @Test
    void bothArchivesHoldTheSameReleaseAndEverythingItNeeds() throws Exception {
        Map<String, byte[]> tar = files(fromTar);
        Map<String, byte[]> zip = files(fromZip);
        assertThat(tar.keySet()).isEqualTo(zip.keySet());
        tar.forEach((name, bytes) -> assertThat(zip.get(name)).as(name).isEqualTo(bytes));
        assertThat(tar).containsKeys("iisdiag.jar", "iisdiag", "iisdiag.cmd", "iisdiag.ps1", "iisdiag_completion.bash",
                "README.md", "LICENSE", "collect/Collect-IisCase.ps1", "knowledge-base/actions.yaml",
                SAMPLE + "/env.yaml");
        try (Stream<Path> walk = Files.walk(TestPack.rules())) {
            for (Path drl : walk.filter(p -> p.toString().endsWith(".drl")).toList()) {
                String name = "rules/" + TestPack.rules().relativize(drl).toString().replace('\\', '/');
                assertThat(tar.get(name)).as(name).isEqualTo(Files.readAllBytes(drl));
            }
        }
        assertThat(new String(tar.get("LICENSE"), StandardCharsets.UTF_8)).contains("Apache License", "Version 2.0");
        assertThat(new String(tar.get("iisdiag.cmd"), StandardCharsets.US_ASCII)).contains("\r\n").doesNotContainPattern("[^\r]\n");
        assertThat(new String(tar.get("collect/Collect-IisCase.ps1"), StandardCharsets.US_ASCII)).doesNotContainPattern("[^\r]\n");
        assertThat(new String(tar.get("iisdiag"), StandardCharsets.US_ASCII)).doesNotContain("\r");
    }

    @Test
    void modesAndTimesAreFixedSoTheArchivesAreReproducible() throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fromTar.resolve("iisdiag")))).isEqualTo("rwxr-xr-x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fromTar.resolve("README.md")))).isEqualTo("rw-r--r--");
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + ZIP.toAbsolutePath().toUri()),
                Map.of("enablePosixFileAttributes", "true"))) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(zip.getPath(BASE, "iisdiag"))))
                    .isEqualTo("rwxr-xr-x");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(zip.getPath(BASE, "iisdiag.jar"))))
                    .isEqualTo("rw-r--r--");
        }
        Instant fixed = Instant.parse(System.getProperty("iisdiag.outputTimestamp", "2026-01-01T00:00:00Z"));
        List<Instant> times = new ArrayList<>();
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            Collections.list(zip.entries()).stream().map(ZipEntry::getLastModifiedTime).forEach(t -> times.add(t.toInstant()));
        }
        assertThat(times).isNotEmpty().allSatisfy(t ->
                // zip keeps local "DOS" times: equal to the fixed time up to the time zone, never the build's
                assertThat(Duration.between(fixed, t).abs()).isLessThanOrEqualTo(Duration.ofHours(14)));
        assertThat(times.stream().distinct()).hasSize(1);
    }

    @Test
    void theLauncherDiagnosesTheSampleCaseWithNoMavenAndNoRepository() throws Exception {
        Result r = run(fromTar, Map.of(), "./iisdiag", "diagnose", SAMPLE);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("ACTIONS (", "ApiAppPool", "HTTPERR/httperr1.log:190");
        assertThat(r.err()).isEmpty();
        Result zip = run(fromZip, Map.of(), "/bin/sh", "./iisdiag", "diagnose", SAMPLE);
        assertThat(zip.out()).isEqualTo(r.out());
    }

    @Test
    void theJarAloneFromAnotherFolderUsesTheRulesBuiltIntoIt() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        String sample = fromTar.resolve(SAMPLE).toString();
        Result jar = run(elsewhere, Map.of(), java(), "-jar", fromTar.resolve("iisdiag.jar").toString(), "diagnose", sample);
        assertThat(jar.code()).as(jar.err()).isZero();
        assertThat(jar.err()).isEmpty();
        Result launcher = run(elsewhere, Map.of(), fromTar.resolve("iisdiag").toString(), "diagnose", sample);
        assertThat(jar.out()).as("same pack, same report").isEqualTo(launcher.out()).contains("ApiAppPool");
        // and from the collected zip as Collect-IisCase.ps1 makes it
        Path zip = org.iisdiag.collect.CollectLayout.zipLikeCompressArchive(elsewhere.resolve("case.zip"));
        Result collected = run(elsewhere, Map.of(), java(), "-jar", fromTar.resolve("iisdiag.jar").toString(), "diagnose",
                "case.zip", "-o", "report.html");
        assertThat(collected.code()).as(collected.err()).isZero();
        assertThat(elsewhere.resolve("report.html")).content().startsWith("<!DOCTYPE html>").contains("case.zip!/");
        assertThat(zip).exists();
    }

    @Test
    void versionSaysWhichPackRunsAndBothAreTheSame() throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("v"));
        Result launcher = run(elsewhere, Map.of(), fromTar.resolve("iisdiag").toString(), "--version");
        Result jar = run(elsewhere, Map.of(), java(), "-jar", fromTar.resolve("iisdiag.jar").toString(), "--version");
        assertThat(launcher.code()).isZero();
        String version = BASE.substring("iisdiag-".length());
        assertThat(launcher.out().strip()).matches("iisdiag " + version.replace(".", "\\.")
                + ", Drools \\S+, rule pack [0-9a-f]{12} \\(" + java.util.regex.Pattern.quote(fromTar.toRealPath().toString()) + "\\)");
        assertThat(jar.out().strip()).endsWith("(built-in)");
        String hash = "rule pack [0-9a-f]{12}";
        assertThat(jar.out().replaceAll(".*(" + hash + ").*\\s*", "$1"))
                .isEqualTo(launcher.out().replaceAll(".*(" + hash + ").*\\s*", "$1"));
    }

    @Test
    void bashCompletionCompletesCommandsAndFormats() throws Exception {
        String script = "source ./iisdiag_completion.bash 2>/dev/null\n"
                + "COMP_WORDS=(iisdiag di); COMP_CWORD=1; COMP_LINE='iisdiag di'; COMP_POINT=10\n"
                + "_complete_iisdiag 2>/dev/null; echo \"${COMPREPLY[*]}\"\n"
                + "COMP_WORDS=(iisdiag diagnose --format ''); COMP_CWORD=3; COMP_LINE='iisdiag diagnose --format '; COMP_POINT=26\n"
                + "_complete_iisdiag 2>/dev/null; echo \"${COMPREPLY[*]}\"\n";
        Result r = run(fromTar, Map.of(), "bash", "-c", script);
        assertThat(r.out().lines().toList()).containsExactly("diagnose", "text json md html sarif");
    }
}
