package org.iisdiag.conclusions;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.facts.RewriteServerVariablesConfig;

/** Which server variables URL Rewrite rules set without the allowed list permitting them. */
public final class RewriteVariables {
    private RewriteVariables() {
    }

    // URL Rewrite's own message, e.g. on the detailed error page of a 500.50
    private static final Pattern NOT_ALLOWED = Pattern.compile(
            "server variable \"([A-Za-z0-9_]{1,100})\" is not allowed to be set");

    /** The variable URL Rewrite's message names ('The server variable "HTTPS" is not allowed to be set'), or "". */
    public static String namedIn(String text) {
        Matcher m = NOT_ALLOWED.matcher(text == null ? "" : text);
        return m.find() ? m.group(1) : "";
    }

    /**
     * The variables to allow: {@code named} first (what the error names), then every variable a rule of the
     * configuration sets that no allowedServerVariables list in the case adds, in the order they appear.
     */
    public static List<String> notAllowed(Collection<?> configs, String named) {
        TreeSet<String> allowed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Object o : configs) {
            if (o instanceof RewriteServerVariablesConfig c) {
                allowed.addAll(c.allowedVariables());
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (named != null && !named.isEmpty()) {
            out.put(named.toUpperCase(Locale.ROOT), named);
        }
        for (Object o : configs) {
            if (o instanceof RewriteServerVariablesConfig c) {
                for (String v : c.setVariables()) {
                    if (!allowed.contains(v)) {
                        out.putIfAbsent(v.toUpperCase(Locale.ROOT), v);
                    }
                }
            }
        }
        return List.copyOf(out.values());
    }
}
