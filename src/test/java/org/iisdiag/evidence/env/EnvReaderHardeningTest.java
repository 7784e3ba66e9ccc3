package org.iisdiag.evidence.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.EvidenceKind;
import org.junit.jupiter.api.Test;

class EnvReaderHardeningTest {
    /**
     * Fuzz finding: "id:" with no value passed the required check and failed later with a NullPointerException.
     * It is a problem at its line; the site is ignored and the rest of the file used.
     */
    @Test
    void aSiteIdWithoutAValueIsRejectedAtItsLine() throws Exception {
        for (String empty : new String[] {"", " ~", " null"}) {
            ReadReport r = new ReadReport("case/env.yaml", EvidenceKind.ENV_YAML);
            EnvFacts facts = new EnvReader().read(new ByteArrayInputStream(
                    ("sites:\n  - id: 1\n  - id:" + empty + "\n    name: Shop\n").getBytes(StandardCharsets.UTF_8)), r);
            assertThat(r.fatalError()).as(empty).isNull();
            assertThat(r.problems()).as(empty).singleElement().satisfies(p -> {
                assertThat(p.line()).isEqualTo(3);
                assertThat(p.reason()).contains("site without a numeric 'id'");
            });
            assertThat(facts.sites()).extracting(s -> s.id()).containsExactly(1);
        }
    }
}
