package org.iisdiag.evidence.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectionStringTargetTest {
    @Test
    void keepsWhereItConnectsAndNeverTheCredentials() {
        assertThat(ConnectionStringTarget.attributes(
                "Data Source=SQLCLU02\\ERP;Initial Catalog=Orders;User ID=orders_app;Password=Winter2024!;Encrypt=True"))
                .containsExactly("dataSource", "SQLCLU02\\ERP", "database", "Orders")
                .noneMatch(v -> v.contains("Winter") || v.contains("orders_app"));
        assertThat(ConnectionStringTarget.attributes("server = tcp:db01.contoso.local,1433 ; DATABASE=Shop; Trusted_Connection=yes"))
                .containsExactly("dataSource", "tcp:db01.contoso.local,1433", "database", "Shop", "integratedSecurity", "true");
        assertThat(ConnectionStringTarget.attributes("Data Source=SQL01;Integrated Security=SSPI"))
                .containsExactly("dataSource", "SQL01", "integratedSecurity", "true");
    }

    @Test
    void quotedValuesMayHoldSeparatorsAndEntityFrameworkStringsAreReadInside() {
        assertThat(ConnectionStringTarget.attributes("Data Source='SQL;01';Password=\"a;b=c\"\"d\";Initial Catalog=X"))
                .containsExactly("dataSource", "SQL;01", "database", "X");
        assertThat(ConnectionStringTarget.attributes("metadata=res://*/Model.csdl;provider=System.Data.SqlClient;"
                + "provider connection string=\"data source=SQL07;initial catalog=Crm;user id=crm;password=P@ss;MultipleActiveResultSets=True\""))
                .containsExactly("dataSource", "SQL07", "database", "Crm");
        assertThat(ConnectionStringTarget.attributes(null)).isEmpty();
        assertThat(ConnectionStringTarget.attributes("garbage without pairs")).isEmpty();
    }
}
