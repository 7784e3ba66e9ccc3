package org.iisdiag.evidence.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An exception message often runs over two lines; the second one names the cause. */
class ExceptionMessageTest {

    private static final String EVENT = """
            Exception information:\s
                Exception type: SqlException\s
                Exception message: Cannot open database "Orders" requested by the login. The login failed.
            Login failed for user 'FABRIKAM\\WEB07$'.
               at System.Data.SqlClient.SqlInternalConnectionTds..ctor(DbConnectionPoolIdentity identity)
               at System.Data.SqlClient.SqlConnection.Open()

            Request information:\s
                Request URL: https://orders.example/List\s
            """;

    @Test
    void theMessageRunsUpToItsStackTrace() {
        assertThat(EventAggregator.block(EVENT, "Exception message")).isEqualTo(
                "Cannot open database \"Orders\" requested by the login. The login failed. Login failed for user 'FABRIKAM\\WEB07$'.");
    }

    @Test
    void itStopsAtABlankLineOrTheNextFieldAndIsBounded() {
        assertThat(EventAggregator.messageLines("Request timed out.\n\nRequest information:")).isEqualTo("Request timed out.");
        assertThat(EventAggregator.messageLines("Boom\nRequest URL: https://x")).isEqualTo("Boom");
        assertThat(EventAggregator.messageLines("x".repeat(2000) + "\nmore")).hasSize(2000);
        assertThat(EventAggregator.block("no such field here", "Exception message")).isEmpty();
    }
}
