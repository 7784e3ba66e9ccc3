package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Issue 10: secrets planted in every evidence kind of the config, FREB, event-log, ANCM, HAR and env.yaml
 * readers (fixtures/planted-secrets, fictional values starting with PLANTED) never reach a report, in any
 * format, with or without the firing trace.
 */
class PlantedSecretsTest {
    static final Path CASE = Path.of("src/test/resources/fixtures/planted-secrets");
    /** Basic credentials are base64: "user:PLANTED-EN3". */
    static final List<String> ENCODED = List.of("dXNlcjpQTEFOVEVELUVOMw");

    @Test
    void noPlantedValueReachesAnyFormat() {
        List<String> leaks = new ArrayList<>();
        String json = null;
        for (String format : List.of("text", "json", "md", "html")) {
            for (boolean trace : new boolean[] {false, true}) {
                CliRun run = trace ? CliRun.withPack("diagnose", CASE.toString(), "--format", format, "--trace")
                        : CliRun.withPack("diagnose", CASE.toString(), "--format", format);
                assertThat(run.exitCode()).as(format + " " + run.err()).isZero();
                String all = run.out() + run.err();
                Matcher m = Pattern.compile("PLANTED-[A-Z]{2}[0-9]").matcher(all);
                while (m.find()) {
                    int from = Math.max(0, m.start() - 60);
                    leaks.add(format + (trace ? "+trace" : "") + ": ..." + all.substring(from, Math.min(all.length(), m.end() + 20)));
                }
                for (String e : ENCODED) {
                    if (all.contains(e)) {
                        leaks.add(format + (trace ? "+trace" : "") + ": " + e);
                    }
                }
                if (format.equals("json") && trace) {
                    json = run.out();
                }
            }
        }
        assertThat(leaks).isEmpty();
        // the evidence was read (not refused or skipped), so the absence of secrets means something
        assertThat(json).contains("\"W3SVC1/web.config\"", "\"events.xml\"", "\"events.csv\"", "\"capture.har\"",
                "\"logs/stdout_20250109100000_1234.log\"", "\"FailedReqLogFiles/W3SVC1/fr000001.xml\"", "\"env.yaml\"");
        assertThat(json).doesNotContain("\"error\" : \"cannot").contains("***");
        // facts carrying the masked places reached the rules (the trace shows what they matched)
        assertThat(json).contains("--password ***", "Password=***");
    }
}
