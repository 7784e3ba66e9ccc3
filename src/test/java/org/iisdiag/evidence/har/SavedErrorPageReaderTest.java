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
import org.iisdiag.facts.XmlProblem;
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

    @Test
    void aNotWellFormedConfigErrorGivesTheLineItsConfigSourcePointsAtAndWhatIsWrongThere() throws IOException {
        SavedErrorPageReader reader = new SavedErrorPageReader();
        ReadReport report = new ReadReport("500-19.htm", EvidenceKind.SAVED_ERROR_PAGE);
        String html = """
                <html><head><title>IIS 10.0 Detailed Error - 500.19 - Internal Server Error</title></head><body>
                <h3>HTTP Error 500.19 - Internal Server Error</h3>
                <fieldset><h4>Detailed Error Information:</h4><table>
                <tr><th>Module</th><td>&nbsp;&nbsp;&nbsp;IIS Web Core</td></tr>
                <tr><th>Error Code</th><td>&nbsp;&nbsp;&nbsp;0x8007000d</td></tr>
                <tr><th>Config Error</th><td>&nbsp;&nbsp;&nbsp;Configuration file is not well-formed XML<br></td></tr>
                <tr><th>Config File</th><td>&nbsp;&nbsp;&nbsp;\\\\?\\D:\\Sites\\Intranet\\web.config</td></tr>
                </table></fieldset>
                <fieldset><h4>Config Source:</h4><pre>   18:     &lt;add key=&quot;a&quot; value=&quot;1&quot; /&gt;
                   19:     &lt;add key=&quot;Url&quot; value=&quot;https://x.example/?a=1&amp;sig=Secret42&quot; /&gt;
                   20:   &lt;/appSettings&gt;
                </pre></fieldset></body></html>
                """;
        reader.read("500-19.htm", "", new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)), report);
        ErrorPage p = (ErrorPage) reader.facts().get(0);
        assertThat(p.configError()).isEqualTo("Configuration file is not well-formed XML");
        assertThat(p.configNotWellFormed()).isTrue();
        assertThat(p.configFile()).isEqualTo("D:\\Sites\\Intranet\\web.config");
        assertThat(p.configLine()).isEqualTo(19);
        assertThat(p.configProblem()).isEqualTo(XmlProblem.AMPERSAND);
        assertThat(p.describe()).contains("web.config line 19").doesNotContain("Secret42");
    }

    @Test
    void theFailingLineOfAConfigSourceBlock() {
        assertThat(ErrorPageParser.failingLine("   -1: \n    0: \n")).isNull();
        assertThat(ErrorPageParser.failingLine("    1: <configuration>\n    2:   <x>\n").number()).isEqualTo(1);
        assertThat(ErrorPageParser.failingLine("   41:   </system.webServer>\n   42: </configuration\n").number()).isEqualTo(42);
        assertThat(ErrorPageParser.failingLine("    7: <a/>\n    8: <b/>\n    9: <c/>\n").number()).isEqualTo(8);
        assertThat(ErrorPageParser.failingLine("no numbered line")).isNull();
    }

    @Test
    void whatAConfigurationLineShowsIsMalformed() {
        assertThat(XmlProblem.fromSourceLine("<add value=\"?a=1&b=2\" />")).isEqualTo(XmlProblem.AMPERSAND);
        assertThat(XmlProblem.fromSourceLine("<add value=\"?a=1&amp;b=2&#38;c=&#x26;\" />")).isEqualTo(XmlProblem.UNKNOWN);
        assertThat(XmlProblem.fromSourceLine("<match url=\"a<b\" />")).isEqualTo(XmlProblem.LESS_THAN);
        assertThat(XmlProblem.fromSourceLine("<a x=\"1\"/><b y=\"2\"/>")).isEqualTo(XmlProblem.UNKNOWN);
        assertThat(XmlProblem.fromParserMessage("Unexpected character '=' (code 61); expected a semi-colon after the reference for entity 'b'"))
                .isEqualTo(XmlProblem.AMPERSAND);
        assertThat(XmlProblem.fromParserMessage("Unexpected character '<' (code 60) in attribute value")).isEqualTo(XmlProblem.LESS_THAN);
        assertThat(XmlProblem.fromParserMessage("Unexpected close tag </system.webServer>; expected </x>.")).isEqualTo(XmlProblem.UNCLOSED_ELEMENT);
        assertThat(XmlProblem.fromParserMessage("Unexpected EOF; was expecting a close tag for element <system.webServer>"))
                .isEqualTo(XmlProblem.TRUNCATED);
        assertThat(XmlProblem.fromParserMessage("Duplicate attribute 'a'.")).isEqualTo(XmlProblem.DUPLICATE_ATTRIBUTE);
        assertThat(XmlProblem.fromParserMessage("something else")).isEqualTo(XmlProblem.OTHER);
    }

    @Test
    void aPageCopiedAsTextGivesTheSameFieldsAsItsHtml() {
        String copied = """
                HTTP Error 500.19 - Internal Server Error
                The requested page cannot be accessed because the related configuration data for the page is invalid.

                Detailed Error Information:
                Module	   IIS Web Core
                Notification	   BeginRequest
                Handler	   Not yet determined
                Error Code	   0x80070021
                Config Error	   This configuration section cannot be used at this path. This happens when the section is locked at a parent level.
                Config File	   \\\\?\\C:\\inetpub\\wwwroot\\portal\\web.config
                Requested URL	   http://localhost:80/portal/
                Physical Path	   C:\\inetpub\\wwwroot\\portal\\
                """;
        ErrorPage p = SavedErrorPageReader.page(copied, "ticket.txt", "pasted: ", org.iisdiag.evidence.Redactor.DEFAULT);
        assertThat(p).isNotNull();
        assertThat(p.kind()).isEqualTo("iis-detailed");
        assertThat(p.code()).isEqualTo("500.19");
        assertThat(p.heading()).isEqualTo("Internal Server Error");
        assertThat(p.module()).isEqualTo("IIS Web Core");
        assertThat(p.errorCode()).isEqualTo("0x80070021");
        assertThat(p.configError()).isEqualTo("This configuration section cannot be used at this path");
        assertThat(p.configFile()).isEqualTo("C:\\inetpub\\wwwroot\\portal\\web.config");
        assertThat(p.physicalPath()).isEqualTo("C:\\inetpub\\wwwroot\\portal\\");
        assertThat(p.samples()).singleElement().satisfies(s -> assertThat(s.location()).isEqualTo("ticket.txt:1"));
    }

    @Test
    void proseThatQuotesAPageGivesWhatItQuotesAndNoMore() {
        ErrorPage p = SavedErrorPageReader.page("Users get \"HTTP Error 500.19 - Internal Server Error\") since Monday; Error Code "
                + "0x8007000d was on the screen.", "env.yaml", "as reported: ", org.iisdiag.evidence.Redactor.DEFAULT);
        assertThat(p.code()).isEqualTo("500.19");
        assertThat(p.heading()).isEqualTo("Internal Server Error");
        assertThat(p.errorCode()).isEqualTo("0x8007000d");
        assertThat(p.module()).isEmpty();
        assertThat(p.configFile()).isEmpty();
        assertThat(SavedErrorPageReader.page("the site is slow and sometimes fails", "env.yaml", "", org.iisdiag.evidence.Redactor.DEFAULT))
                .isNull();
    }
}
