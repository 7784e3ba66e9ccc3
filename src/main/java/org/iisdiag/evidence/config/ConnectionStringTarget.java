package org.iisdiag.evidence.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a connection string says about where it connects, and nothing else: the server ({@code Data
 * Source}, {@code Server}, {@code Address}...), the database ({@code Initial Catalog}, {@code Database}) and
 * whether it logs on as the process ({@code Integrated Security}, {@code Trusted_Connection}). Passwords,
 * user names and every other key are never kept (an Entity Framework string's inner "provider connection
 * string" is read the same way): the string is split into its pairs here and only these
 * values leave. Keys are case-insensitive, values may be quoted with ' or " (a doubled quote inside is one),
 * as SqlClient reads them.
 */
final class ConnectionStringTarget {
    private static final List<String> SERVER = List.of("data source", "server", "address", "addr", "network address");
    private static final List<String> DATABASE = List.of("initial catalog", "database");
    private static final List<String> INTEGRATED = List.of("integrated security", "trusted_connection");

    private ConnectionStringTarget() {
    }

    /** The attributes kept for a connection string: dataSource, database, integratedSecurity (those it names). */
    static List<String> attributes(String connectionString) {
        List<String> kept = new ArrayList<>();
        for (String[] pair : pairs(connectionString == null ? "" : connectionString)) {
            String key = pair[0].toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (key.equals("provider connection string")) {
                // an Entity Framework string wraps the SqlClient one
                List<String> inner = attributes(pair[1]);
                for (int i = 0; i < inner.size(); i += 2) {
                    put(kept, inner.get(i), inner.get(i + 1));
                }
            } else if (SERVER.contains(key)) {
                put(kept, "dataSource", pair[1]);
            } else if (DATABASE.contains(key)) {
                put(kept, "database", pair[1]);
            } else if (INTEGRATED.contains(key)) {
                String v = pair[1].toLowerCase(Locale.ROOT);
                put(kept, "integratedSecurity", String.valueOf(v.equals("true") || v.equals("yes") || v.equals("sspi")));
            }
        }
        return kept;
    }

    private static void put(List<String> kept, String name, String value) {
        for (int i = 0; i < kept.size(); i += 2) {
            if (kept.get(i).equals(name)) {
                kept.set(i + 1, value); // the last occurrence wins, as in SqlClient
                return;
            }
        }
        kept.add(name);
        kept.add(value);
    }

    /** The key=value pairs, in order; a value may be quoted and then hold ; and = . */
    static List<String[]> pairs(String s) {
        List<String[]> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = s.substring(i, eq).replace(";", " ").strip();
            int j = eq + 1;
            while (j < n && s.charAt(j) == ' ') {
                j++;
            }
            StringBuilder value = new StringBuilder();
            if (j < n && (s.charAt(j) == '\'' || s.charAt(j) == '"')) {
                char q = s.charAt(j++);
                while (j < n) {
                    char c = s.charAt(j++);
                    if (c == q) {
                        if (j < n && s.charAt(j) == q) {
                            value.append(q);
                            j++;
                            continue;
                        }
                        break;
                    }
                    value.append(c);
                }
                while (j < n && s.charAt(j) != ';') {
                    j++;
                }
            } else {
                int end = s.indexOf(';', j);
                end = end < 0 ? n : end;
                value.append(s, j, end);
                j = end;
            }
            if (!key.isEmpty()) {
                out.add(new String[] {key, value.toString().strip()});
            }
            i = j + 1;
        }
        return out;
    }
}
