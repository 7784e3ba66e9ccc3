package org.iisdiag.evidence.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.EvidenceKind;
import org.junit.jupiter.api.Test;

class EnvReaderHardeningTest {
    /** Fuzz finding: "id:" with no value passed the required check and failed later with a NullPointerException. */
    @Test
    void aSiteIdWithoutAValueIsAnErrorWithItsLine() throws Exception {
        for (String empty : new String[] {"", " ~", " null"}) {
            ReadReport r = new ReadReport("case/env.yaml", EvidenceKind.ENV_YAML);
            EnvFacts facts = new EnvReader().read(new ByteArrayInputStream(
                    ("sites:\n  - id: 1\n  - id:" + empty + "\n    name: Shop\n").getBytes(StandardCharsets.UTF_8)), r);
            assertThat(r.fatalError()).as(empty).isEqualTo("case/env.yaml:3: sites[1].id must be a site id (the n of W3SVC<n>)");
            assertThat(facts).isEqualTo(EnvFacts.unknown());
        }
    }
}
