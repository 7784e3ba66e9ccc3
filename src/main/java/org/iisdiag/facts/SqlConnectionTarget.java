package org.iisdiag.facts;

import java.util.List;

/**
 * Where a connection string of a configuration file ({@code connectionStrings/add}) connects: its
 * {@code name}, the server as written ({@code Data Source}: "SQL01", "SQLCLU02\ERP", "tcp:db.contoso.local,1433"),
 * the database, and whether it logs on as the process (integrated security) rather than with a SQL login.
 * The string itself, and any user name or password in it, are never read.
 */
public record SqlConnectionTarget(String name, String dataSource, String database, boolean integratedSecurity,
                                  String configFile, String locationPath, List<String> defaults, String source)
        implements ConfigFact {

    /** The server without a protocol prefix, instance or port: what name resolution and a port test take. */
    public String host() {
        String h = dataSource.replaceFirst("(?i)^(tcp|np|lpc|admin):", "");
        int cut = h.length();
        for (char c : new char[] {'\\', ','}) {
            int i = h.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return h.substring(0, cut).strip();
    }

    @Override
    public String describe() {
        return "connection string " + name + ": server " + dataSource + (database.isEmpty() ? "" : ", database " + database)
                + (integratedSecurity ? ", integrated security (the pool identity logs on)" : "")
                + ConfigFact.where(defaults, source);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
