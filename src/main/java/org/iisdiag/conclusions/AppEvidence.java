package org.iisdiag.conclusions;

import java.util.Collection;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.facts.ApplicationDefinition;
import org.iisdiag.facts.AspNetCoreConfig;

/** Reads the values rules pass into application actions (processPath, exception type ...) out of facts. */
public final class AppEvidence {
    private static final Pattern EXCEPTION = Pattern.compile("([A-Za-z_][\\w.]*(?:Exception|Error))(?::\\s*(.*))?");

    private AppEvidence() {
    }

    /** The first non-empty processPath among the ASP.NET Core configs, or "" (the action then shows its fallback). */
    public static String processPathIn(Collection<?> configs) {
        return configs.stream().filter(o -> o instanceof AspNetCoreConfig).map(o -> ((AspNetCoreConfig) o).processPath())
                .filter(v -> v != null && !v.isEmpty()).sorted().findFirst().orElse("");
    }

    public static String argumentsIn(Collection<?> configs) {
        return configs.stream().filter(o -> o instanceof AspNetCoreConfig).map(o -> ((AspNetCoreConfig) o).arguments())
                .filter(v -> v != null && !v.isEmpty()).sorted().findFirst().orElse("");
    }

    /** The web.config the ASP.NET Core settings came from, or "". */
    public static String webConfig(Collection<?> configs) {
        return configs.stream().filter(o -> o instanceof AspNetCoreConfig).map(o -> ((AspNetCoreConfig) o).configFile())
                .filter(v -> v != null && !v.isEmpty()).sorted().findFirst().orElse("");
    }

    /**
     * The application's folder on the server, with a trailing backslash, as the module's events name it
     * ("with physical root 'D:\\Sites\\Api\\'"), from the given facts and then {@code more}; "" when none
     * names one, or when they name different folders.
     */
    public static String appFolderIn(Collection<?> facts, Object... more) {
        TreeSet<String> roots = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        java.util.List<Object> all = new java.util.ArrayList<>(facts);
        all.addAll(java.util.Arrays.asList(more));
        for (Object o : all) {
            if (o instanceof org.iisdiag.facts.AncmEvent e && e.physicalRoot() != null && !e.physicalRoot().isBlank()) {
                String r = e.physicalRoot().strip();
                roots.add(r.endsWith("\\") ? r : r + "\\");
            }
        }
        return roots.size() == 1 ? roots.first() : "";
    }

    /** "System.InvalidOperationException" out of "Unhandled exception. System.InvalidOperationException: ...". */
    public static String exceptionTypeIn(String text) {
        Matcher m = EXCEPTION.matcher(text == null ? "" : text);
        return m.find() ? m.group(1) : "an exception";
    }

    /** The message after "Type: ", or the whole text when there is none. */
    public static String exceptionMessageIn(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = EXCEPTION.matcher(text);
        if (m.find() && m.group(2) != null) {
            return m.group(2).strip();
        }
        return text.strip();
    }

    /** "LegacyPool" out of the worker's account "IIS APPPOOL\\LegacyPool"; "" for other accounts. */
    public static String poolOf(String account) {
        String prefix = "IIS APPPOOL\\";
        return account != null && account.regionMatches(true, 0, prefix, 0, prefix.length())
                ? account.substring(prefix.length()) : "";
    }

    /** "Default Web Site/api and Default Web Site/admin use it." for the applications sharing one pool. */
    public static String appsText(Collection<?> apps) {
        TreeSet<String> names = new TreeSet<>();
        for (Object o : apps) {
            if (o instanceof ApplicationDefinition a) {
                names.add(a.siteName() + a.path());
            }
        }
        return names.isEmpty() ? "" : "applicationHost.config assigns it to " + String.join(" and ", names) + ".";
    }

    public static String appsList(Collection<?> apps) {
        TreeSet<String> names = new TreeSet<>();
        for (Object o : apps) {
            if (o instanceof ApplicationDefinition a) {
                names.add(a.siteName() + a.path());
            }
        }
        return String.join(", ", names);
    }
}
