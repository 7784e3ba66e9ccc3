package org.iisdiag.conclusions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iisdiag.facts.RewriteOutboundRule;
import org.junit.jupiter.api.Test;

class OutboundRewriteTest {

    private static final String MESSAGE =
            "Outbound rewrite rules cannot be applied when the content of the HTTP response is encoded (\"gzip\").";

    @Test
    void theModulesMessageAndTheEncodingItNamesAreRecognised() {
        assertThat(OutboundRewrite.saysEncoded(MESSAGE)).isTrue();
        assertThat(OutboundRewrite.encodingIn(MESSAGE)).isEqualTo("gzip");
        assertThat(OutboundRewrite.encodingIn("... is encoded ('deflate').")).isEmpty(); // not the message
        assertThat(OutboundRewrite.encodingIn("outbound rewrite rules cannot be applied when the content of the "
                + "HTTP response is encoded ('br')")).isEqualTo("br");
        assertThat(OutboundRewrite.encodingIn("Outbound rewrite rules cannot be applied when the content of the "
                + "HTTP response is encoded.")).isEmpty();
        assertThat(OutboundRewrite.saysEncoded("The server variable \"HTTPS\" is not allowed to be set.")).isFalse();
        assertThat(OutboundRewrite.saysEncoded(null)).isFalse();
    }

    @Test
    void theRulesThatReadTheBodyAreNamedBeforeHeaderOnlyRules() {
        RewriteOutboundRule links = new RewriteOutboundRule("Links", "ResponseIsHtml1", true, "web.config", "", "web.config:9");
        RewriteOutboundRule location = new RewriteOutboundRule("Location", "", false, "web.config", "", "web.config:12");
        assertThat(OutboundRewrite.bodyRules(List.of(location, links)))
                .isEqualTo("\"Links\" (precondition ResponseIsHtml1)");
        assertThat(OutboundRewrite.bodyRules(List.of(location))).isEqualTo("\"Location\"");
        assertThat(OutboundRewrite.bodyRules(List.of())).isEmpty();
    }
}
