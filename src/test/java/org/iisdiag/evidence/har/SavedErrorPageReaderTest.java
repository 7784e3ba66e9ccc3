package org.iisdiag.evidence.har;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iisdiag.evidence.Fixtures.resource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.ErrorPage;
import org.iisdiag.facts.EvidenceKind;
import org.junit.jupiter.api.Test;

/** An error page saved from the browser as a file, read like a HAR response body. */
class SavedErrorPageReaderTest {

    @Test
    void aSavedDetailedErrorGivesItsCodeModuleAndFileLine() throws IOException {
        SavedErrorPageReader reader = new SavedErrorPageReader();
        ReadReport report = new ReadReport("saved-404-11.htm", EvidenceKind.SAVED_ERROR_PAGE);
        reader.read("saved-404-11.htm", "", resource("har/saved-404-11.htm"), report);
        assertThat(report.failed()).isFalse();
        List<Object> facts = reader.facts();
        assertThat(facts).hasSize(1);
        ErrorPage p = (ErrorPage) facts.get(0);
        assertThat(p.kind()).isEqualTo("iis-detailed");
        assertThat(p.code()).isEqualTo("404.11");
        assertThat(p.status()).isEqualTo(404);
        assertThat(p.module()).isEqualTo("RequestFilteringModule");
        assertThat(p.notification()).isEqualTo("BeginRequest");
        assertThat(p.heading()).contains("double escape sequence");
        assertThat(p.count()).isEqualTo(1);
        assertThat(p.firstSeen()).as("a saved page has no time").isNull();
        assertThat(p.samples()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("saved-404-11.htm");
            assertThat(s.line()).isEqualTo(10);
        });
    }

    @Test
    void anHtmlPageThatNamesNoErrorIsRefused() {
        SavedErrorPageReader reader = new SavedErrorPageReader();
        ReadReport report = new ReadReport("notes.htm", EvidenceKind.SAVED_ERROR_PAGE);
        byte[] html = "<html><body><p>nothing here</p></body></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> reader.read("notes.htm", "", new ByteArrayInputStream(html), report))
                .isInstanceOf(IOException.class);
        assertThat(reader.facts()).isEmpty();
    }
}
