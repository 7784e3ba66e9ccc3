package org.iisdiag.facts;

import java.util.List;

/**
 * ASP.NET {@code system.web/sessionState}: its {@code mode} (InProc by default, StateServer, SQLServer,
 * Custom, Off) and, for SQLServer mode, where {@code sqlConnectionString} connects: the server as written
 * and the Initial Catalog it names ("" when none, and ASP.NET then uses ASPState). The string itself is
 * never read (see the configuration reader).
 */
public record SessionStateConfig(String mode, String sqlServer, String sqlDatabase, String configFile,
                                 String locationPath, List<String> defaults, String source) implements ConfigFact {

    /** Sessions kept in a SQL Server database whose server the configuration names. */
    public boolean inSqlServer() {
        return "SQLServer".equalsIgnoreCase(mode) && !sqlServer.isEmpty();
    }

    @Override
    public String describe() {
        return "sessionState mode=" + mode + (sqlServer.isEmpty() ? "" : ", SQL Server " + sqlServer)
                + (sqlDatabase.isEmpty() ? "" : ", database " + sqlDatabase)
                + ConfigFact.location(locationPath) + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
