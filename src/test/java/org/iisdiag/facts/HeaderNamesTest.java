package org.iisdiag.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderNamesTest {

    @Test
    void aNameIsATokenOfLettersDigitsAndTheSymbolsRfc9110Allows() {
        assertThat(HeaderNames.isToken("X-Correlation-ID")).isTrue();
        assertThat(HeaderNames.isToken("x_api.key!#$%&'*+^`|~")).isTrue();
        assertThat(HeaderNames.isToken("X-Correlation ID")).as("a space").isFalse();
        assertThat(HeaderNames.isToken("X-Api-Key?")).as("a separator (KB 828726)").isFalse();
        assertThat(HeaderNames.isToken("X-Trace(id)")).isFalse();
        assertThat(HeaderNames.isToken("Größe")).as("not ASCII").isFalse();
        assertThat(HeaderNames.isToken("")).isFalse();
        assertThat(HeaderNames.isToken(null)).isFalse();
    }

    @Test
    void theTokenMeantJoinsThePartsWithOneHyphen() {
        assertThat(HeaderNames.asToken("X-Correlation ID")).isEqualTo("X-Correlation-ID");
        assertThat(HeaderNames.asToken(" X-Trace (id) ")).isEqualTo("X-Trace-id");
        assertThat(HeaderNames.asToken("X- Tenant")).as("no doubled hyphen").isEqualTo("X-Tenant");
        assertThat(HeaderNames.asToken("X-Api-Key?")).isEqualTo("X-Api-Key");
        assertThat(HeaderNames.asToken("()")).isEmpty();
    }

    @Test
    void aQuotedNameIsShortAndShowsNoControlCharacter() {
        assertThat(HeaderNames.quotable("X-Bad\tName\u0007")).isEqualTo("X-Bad?Name?");
        assertThat(HeaderNames.quotable("N".repeat(200))).hasSize(HeaderNames.MAX_NAME_CHARS);
    }
}
