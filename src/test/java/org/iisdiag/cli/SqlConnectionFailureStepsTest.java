package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application that cannot connect to SQL Server: the provider's own words in the SqlException say which
 * step failed (the name, the port, the path), and the fix's steps are those of that step, with the server the
 * configuration names, end to end from a pasted event and a web.config.
 */
class SqlConnectionFailureStepsTest {
    @TempDir
    Path tmp;

    private static final String EVENT = """
            Log Name:      Application
            Source:        ASP.NET 4.0.30319.0
            Date:          3/11/2025 9:14:22 AM
            Event ID:      1309
            Task Category: Web Event
            Level:         Warning
            Keywords:      Classic
            User:          N/A
            Computer:      WEB01.contoso.com
            Description:
            Event code: 3005
            Event message: An unhandled exception has occurred.
            Event time: 3/11/2025 9:14:22 AM
            Event time (UTC): 3/11/2025 2:14:22 PM
            Event ID: 6615fb8eb9d54e778b933d5bb7ca91ed
            Event sequence: 12
            Event occurrence: 3
            Event detail code: 0

            Process information:
                Process ID: 5120
                Process name: w3wp.exe
                Account name: IIS APPPOOL\\OrdersPool

            Exception information:
                Exception type: SqlException
                Exception message: A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to allow remote connections. (provider: %s)
               at System.Data.SqlClient.SqlInternalConnectionTds..ctor(DbConnectionPoolIdentity identity)

            Request information:
                Request URL: https://shop.contoso.com/orders/checkout.aspx
                Request path: /orders/checkout.aspx
                User host address: 10.1.2.3
            """;

    private static final String WEB_CONFIG = """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <connectionStrings>
                <add name="Orders" connectionString="Data Source=SQLOLD01;Initial Catalog=Orders;User ID=orders_app;Password=Secr3t!Pw" providerName="System.Data.SqlClient" />
              </connectionStrings>
            </configuration>
            """;

    /** The opening words of each variant's step: exactly one of them is in a plan. */
    private static final java.util.List<String> MARKERS = java.util.List.of("SqlClient says \"No such host is known\"",
            "SqlClient says the target \"actively refused\"", "SqlClient got no answer at all", "test that name and port");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "TCP Provider, error: 0 - No such host is known.|0|Resolve-DnsName \\\"SQLOLD01\\\"",
        "TCP Provider, error: 0 - No connection could be made because the target machine actively refused it.|1|Server is listening on",
        "TCP Provider, error: 0 - A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed to respond.|2|TcpTestSucceeded False",
        "Named Pipes Provider, error: 40 - Could not open a connection to SQL Server|3|Test-NetConnection \\\"SQLOLD01\\\" -Port 1433",
    })
    void theStepsAreThoseOfTheStepThatFailed(String provider, int variant, String detail) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("case"));
        Files.writeString(dir.resolve("event.txt"), EVENT.formatted(provider));
        Files.writeString(dir.resolve("web.config"), WEB_CONFIG);
        CliRun run = CliRun.withPack("diagnose", dir.toString(), "-f", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        JsonNode fix = null;
        for (JsonNode a : report.get("actions")) {
            if (a.get("id").asText().equals("fix-sql-server-connection")) {
                fix = a;
            }
        }
        assertThat(fix).as("the SQL connection fix is planned").isNotNull();
        String steps = fix.get("steps").toString();
        assertThat(steps).contains(MARKERS.get(variant).replace("\"", "\\\"")).contains(detail);
        for (int i = 0; i < MARKERS.size(); i++) {
            if (i != variant) {
                assertThat(steps).as("only this failure's steps").doesNotContain(MARKERS.get(i).replace("\"", "\\\""));
            }
        }
        assertThat(run.out()).as("the password never reaches the report").doesNotContain("Secr3t");
    }
}
