package org.iisdiag.evidence.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10: each hostile input class, generated in a temporary folder, is read in a child JVM capped at
 * -Xmx256m: a value larger than the whole heap, a HAR whose entries differ by Server header, many tiny
 * files. Before the fix each ended in OutOfMemoryError. -Diisdiag.hostile.scale=N multiplies the sizes.
 */
class HostileHeapTest {
    static final long SCALE = Long.getLong("iisdiag.hostile.scale", 1);

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "WEB_CONFIG_VALUE, 300000000",
            "FREB_VALUE, 300000000",
            "EVENT_XML_VALUE, 300000000",
            "EVENT_CSV_VALUE, 300000000",
            "ANCM_LINE, 300000000",
            "HAR_VALUE, 300000000",
            "HAR_SERVERS, 1000000",
            "MANY_FILES, 20000",
            "ZIP_BOMB, 1073741824",
    })
    void readsUnder256MiB(String kind, long size) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), HeapChild.class.getName(),
                kind, Long.toString(size * SCALE), tmp.resolve("case").toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try {
            if (!p.waitFor(240, TimeUnit.SECONDS)) {
                throw new AssertionError(kind + " took longer than 240 s");
            }
        } finally {
            out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.destroyForcibly();
        }
        assertThat(out).as(kind).doesNotContain("OutOfMemoryError").contains("RESULT " + kind);
        String[] result = out.substring(out.indexOf("RESULT ")).strip().split(" ");
        long peakMiB = Long.parseLong(result[2]);
        System.out.println("hostile " + kind + " x" + SCALE + ": peak heap " + peakMiB + " MiB, " + result[3]
                + " inputs, " + result[4] + " notes, " + result[5] + " facts");
        assertThat(peakMiB).as(kind).isLessThanOrEqualTo(256);
        assertThat(p.exitValue()).as(out).isZero();
    }

}
