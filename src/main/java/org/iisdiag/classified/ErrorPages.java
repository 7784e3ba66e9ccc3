package org.iisdiag.classified;

/** What rules need from the text of saved error pages. */
public final class ErrorPages {
    private ErrorPages() {
    }

    /**
     * The sc-win32-status IIS logs for an HRESULT a page shows: the low 16 bits of a FACILITY_WIN32
     * HRESULT (0x8007000d is logged as 13), the value itself otherwise, 0 when there is none.
     */
    public static long win32(String hresult) {
        if (hresult == null || !hresult.strip().toLowerCase(java.util.Locale.ROOT).startsWith("0x")) {
            return 0;
        }
        try {
            long v = Long.parseLong(hresult.strip().substring(2), 16);
            return (v & 0xFFFF0000L) == 0x80070000L ? v & 0xFFFF : v;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Whether IIS's configuration error text (a trace's ConfigExceptionInfo, a detailed page's Config Error)
     * says it refused the file for its size: "Cannot read configuration file because it exceeds the maximum
     * file size" (500.19, 0x80070032; the limit is MaxWebConfigFileSizeInKB, 250 KB by default).
     */
    public static boolean configFileTooLarge(String configError) {
        return configError != null
                && configError.toLowerCase(java.util.Locale.ROOT).contains("exceeds the maximum file size");
    }

    private static final java.util.regex.Pattern UNDECLARED_SECTION = java.util.regex.Pattern.compile(
            "(?i)configuration section '([^']+)' cannot be read because it is missing a section declaration");

    /**
     * The section IIS's configuration error text (a trace's ConfigExceptionInfo, a detailed page's Config Error)
     * says has no declaration: "The configuration section 'applicationInitialization' cannot be read because it
     * is missing a section declaration" (500.19, 0x80070032) gives "applicationInitialization"; "" for any other
     * text. The section is written in a configuration file, but nothing installed on this server declares it.
     */
    public static String undeclaredSection(String configError) {
        java.util.regex.Matcher m = UNDECLARED_SECTION.matcher(configError == null ? "" : configError);
        return m.find() ? m.group(1).strip() : "";
    }

    /** A path without the Win32 long-path prefix IIS writes in traces ("\\\\?\\D:\\Sites\\web.config": "D:\\Sites\\web.config"). */
    public static String withoutLongPathPrefix(String path) {
        String p = path == null ? "" : path.strip();
        return p.startsWith("\\\\?\\") ? p.substring(4) : p;
    }

    /** The file name of a path with either separator ("D:\\Sites\\Shop\\web.config" and "config/web.config": "web.config"). */
    public static String fileName(String path) {
        String p = path == null ? "" : path.strip();
        int cut = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
        return p.substring(cut + 1);
    }

    /** Whether two paths name a file of the same name (a server path and the case's copy of it). */
    public static boolean sameFileName(String a, String b) {
        return !fileName(a).isEmpty() && fileName(a).equalsIgnoreCase(fileName(b));
    }

    /**
     * Where the case's copy of a configuration file lives on the server, as far as the case tells: a root
     * web.config (not collected below an application folder such as ROOT/api) is the site root's, so its
     * application's physical path names it; applicationHost.config has one place. Otherwise the copy's
     * own path in the case.
     */
    public static String serverPath(org.iisdiag.facts.ConfigFact copy, java.util.List<?> rootApplications) {
        String file = copy.configFile().replace('\\', '/');
        String name = fileName(file);
        if (name.equalsIgnoreCase("applicationHost.config")) {
            return "%windir%\\System32\\inetsrv\\config\\applicationHost.config";
        }
        boolean belowApp = java.util.regex.Pattern.compile("(?i)(^|/)ROOT/[^/]+/").matcher(file).find();
        if (name.equalsIgnoreCase("web.config") && !belowApp && rootApplications.size() == 1
                && rootApplications.get(0) instanceof org.iisdiag.facts.ApplicationDefinition a && !a.physicalPath().isEmpty()) {
            String root = a.physicalPath();
            return root + (root.endsWith("\\") ? "" : "\\") + "web.config";
        }
        return copy.configFile();
    }
}
