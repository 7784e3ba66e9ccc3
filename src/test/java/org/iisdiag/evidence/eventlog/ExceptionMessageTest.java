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

    private static final String NESTED = """
            Exception information:\s
                Exception type: HttpException\s
                Exception message: Unable to serialize the session state.
               at System.Web.Util.AltSerialization.WriteValueToStream(Object value, BinaryWriter writer)
               at System.Web.SessionState.SessionStateModule.OnReleaseState(Object source, EventArgs eventArgs)

            Type 'Shop.Basket' in Assembly 'Shop, Version=1.0.0.0' is not marked as serializable.
               at System.Runtime.Serialization.FormatterServices.InternalGetSerializableMembers(RuntimeType type)
            \s
            \s
            Request information:\s
                Request URL: https://shop.example/basket\s
            Thread information:\s
                Stack trace:    at X.Y()
            """;

    @Test
    void innerExceptionMessagesAfterTheOuterStackFollowTheMessage() {
        String outer = EventAggregator.block(NESTED, "Exception message");
        assertThat(EventAggregator.withInner(outer, EventAggregator.after(NESTED, "Exception message", 16 * EventAggregator.MAX_FIELD))).isEqualTo(
                "Unable to serialize the session state. ---> Type 'Shop.Basket' in Assembly 'Shop, Version=1.0.0.0' is not marked as serializable.");
        // without an inner exception the message is unchanged, and the request information is never read as one
        assertThat(EventAggregator.withInner(EventAggregator.block(EVENT, "Exception message"), EventAggregator.after(EVENT, "Exception message", 16 * EventAggregator.MAX_FIELD)))
                .isEqualTo(EventAggregator.block(EVENT, "Exception message"));
        assertThat(EventAggregator.withInner("", NESTED)).isEmpty();
    }

    @Test
    void theStackTopIsTheOuterExceptionsFirstFrames() {
        String block = EventAggregator.after(EVENT, "Exception message", 4000);
        assertThat(EventAggregator.stackTop(block)).isEqualTo(
                "at System.Data.SqlClient.SqlInternalConnectionTds..ctor(DbConnectionPoolIdentity identity)\n"
                        + "at System.Data.SqlClient.SqlConnection.Open()");
        // the inner exception's frames after a blank line are not the outer stack; six frames at most
        String frames = "Boom\n" + "   at A.B.C()\n".repeat(9) + "\nInner\n   at D.E.F()\n";
        assertThat(EventAggregator.stackTop(frames).split("\n")).hasSize(6).doesNotContain("at D.E.F()");
        assertThat(EventAggregator.stackTop("no stack")).isEmpty();
        assertThat(EventAggregator.stackTop("")).isEmpty();
    }
}
