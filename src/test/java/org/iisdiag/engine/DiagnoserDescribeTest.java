package org.iisdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.iisdiag.TestPack;
import org.iisdiag.knowledge.ExceptionCode;
import org.iisdiag.knowledge.FrebModuleInfo;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.KnowledgeBaseLoader;
import org.junit.jupiter.api.Test;

/** The firing trail names catalog entries by what identifies them, never by their whole record. */
class DiagnoserDescribeTest {
    @Test
    void catalogEntriesAreNamedByTheirCatalogAndKey() throws Exception {
        KnowledgeBase kb = KnowledgeBaseLoader.load(TestPack.kb());
        assertThat(Diagnoser.describe(kb.action("collect-iis-logs"))).isEqualTo("catalog action collect-iis-logs");
        assertThat(Diagnoser.describe(kb.status(500, 19))).isEqualTo("catalog status 500.19");
        assertThat(Diagnoser.describe(new FrebModuleInfo("RewriteModule", "URL Rewrite", "")))
                .isEqualTo("catalog FREB module RewriteModule");
        assertThat(Diagnoser.describe(new ExceptionCode("0xc00000fd", "stack overflow", "", "")))
                .isEqualTo("catalog exception code 0xc00000fd stack overflow");
        assertThat(kb.diagnoses()).allSatisfy(d -> assertThat(Diagnoser.describe(d)).isEqualTo("catalog diagnosis " + d.id()));
    }
}
