package org.iisdiag.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.Map;

import freemarker.core.HTMLOutputFormat;
import org.iisdiag.facts.SampleLine;
import org.junit.jupiter.api.Test;

/** What {@link ReportRenderer#prepare} does ahead, and that a failure in it is left for render. */
class RendererPrepareTest {

    @Test
    void jsonPreparationReachesTheRecordsInsideListsAndNestedRecords() {
        assertThat(JsonRenderer.reportTypes())
                .startsWith(DiagnosisReport.class)
                .contains(DiagnosisReport.Summary.class, DiagnosisReport.RankedAction.class,
                        DiagnosisReport.Candidate.class, DiagnosisReport.Series.class, SampleLine.class)
                .allMatch(c -> c.isRecord() || c.isEnum());
    }

    @Test
    void aTemplateThatCannotLoadFailsInRenderNotInPrepare() {
        Templates missing = new Templates(HTMLOutputFormat.INSTANCE, "no-such-template.ftl", Map.of());
        assertThatCode(missing::prepare).doesNotThrowAnyException();
        assertThatThrownBy(() -> missing.render(Map.of())).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("no-such-template.ftl");
    }

    @Test
    void everyFormatPreparesWithoutError() {
        for (ReportRenderer r : new ReportRenderer[] {new JsonRenderer(), new HtmlRenderer(), new MarkdownRenderer(),
                new TextRenderer(), new SarifRenderer()}) {
            assertThatCode(r::prepare).as(r.getClass().getSimpleName()).doesNotThrowAnyException();
        }
    }
}
