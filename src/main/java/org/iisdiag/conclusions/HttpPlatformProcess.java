package org.iisdiag.conclusions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.iisdiag.classified.ErrorStatus;
import org.iisdiag.facts.HttpPlatformConfig;
import org.iisdiag.facts.HttpPlatformEvent;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.Win32StatusInfo;

/**
 * The values the HttpPlatformHandler rules pass to their diagnoses: the process the module starts (from
 * {@code <httpPlatform>}), what its start-up events say, and the 502.3 responses users got.
 */
public final class HttpPlatformProcess {

    private HttpPlatformProcess() {
    }

    static final String RAPID_NOTE = " Each time the start failed more often than rapidFailsPerMinute (event 1003), the module"
            + " refused to start the process for the rest of that minute (ERROR_SERVER_DISABLED, win32 1341 in the IIS log).";

    /** The {@code <httpPlatform>} of the case (the first by file and line), or null when the case has none. */
    public static HttpPlatformConfig config(List<?> configs) {
        return configs.stream().filter(HttpPlatformConfig.class::isInstance).map(HttpPlatformConfig.class::cast)
                .min(Comparator.comparing(HttpPlatformConfig::source)).orElse(null);
    }

    /** "ERROR_FILE_NOT_FOUND" for 0x80070002 (a Win32 error in an HRESULT), "" when the catalog does not know it. */
    public static String errorName(String hresult, KnowledgeBase kb) {
        if (hresult == null || !hresult.toLowerCase(Locale.ROOT).startsWith("0x8007") || hresult.length() != 10) {
            return "";
        }
        Win32StatusInfo info = kb.win32(Long.parseLong(hresult.substring(6), 16));
        return info == null ? "" : info.name();
    }

    /**
     * Name/value pairs for the diagnosis templates: the configuration's processPath, arguments, stdout log and
     * limits; the event's error code and name and whether any process was created; the 502.3 count, URLs and
     * codes; whether rapid-fail protection kicked in; then {@code more}.
     */
    public static String[] params(HttpPlatformConfig c, HttpPlatformEvent f, List<?> statuses, List<?> rapid,
                                  KnowledgeBase kb, String... more) {
        List<String> p = new ArrayList<>();
        if (c != null) {
            add(p, "processPath", c.executable(), "arguments", c.arguments(), "configFile", c.configFile(),
                    "configSource", c.source(), "stdoutLogEnabled", String.valueOf(c.stdoutLogEnabled()),
                    "stdoutLogFile", c.stdoutLogFile(), "startupTimeLimit", String.valueOf(c.startupTimeLimit()),
                    "portPassed", c.passesPort() ? "yes" : "no", "program", program(c.executable()),
                    "searchRoot", searchRoot(c.executable()));
        }
        if (f != null) {
            add(p, "errorCode", f.errorCode(), "errorName", errorName(f.errorCode(), kb),
                    "events", StatusCodes.thousands(f.count()), "eventId", String.valueOf(f.eventId()),
                    "neverCreated", f.neverCreated() ? "yes" : "no", "firstFailure", String.valueOf(f.firstSeen()));
        }
        long n = 0;
        List<String> codes = new ArrayList<>();
        String urls = "";
        for (Object o : statuses) {
            ErrorStatus e = (ErrorStatus) o;
            n += e.count();
            codes.add(e.code() + " " + e.win32());
            urls = urls.isEmpty() ? StatusCodes.urlsOf(e.source()) : urls;
        }
        if (n > 0) {
            add(p, "count", StatusCodes.thousands(n), "statusCodes", String.join(", ", codes), "urls", urls);
        }
        add(p, "rapidFail", rapid.isEmpty() ? "" : "yes", "rapidNote", rapid.isEmpty() ? "" : RAPID_NOTE);
        add(p, more);
        return p.toArray(String[]::new);
    }

    /** "java.exe" of "C:\jdk\bin\java.exe"; the path itself when it has no folder. */
    static String program(String path) {
        int slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return path.substring(slash + 1);
    }

    /**
     * Where to look for the program once its folder is gone: above the last folder whose name carries a version
     * ("C:\Program Files\Eclipse Adoptium" for "...\jdk-17.0.9.9-hotspot\bin\java.exe"), else the folder above the
     * program's own; "" for a path without folders.
     */
    static String searchRoot(String path) {
        String[] parts = path.split("[\\\\/]");
        if (parts.length < 2) {
            return "";
        }
        int versioned = -1;
        for (int i = 0; i < parts.length - 1; i++) {
            if (VERSIONED.matcher(parts[i]).find()) {
                versioned = i;
            }
        }
        int end = versioned > 0 ? versioned : Math.max(parts.length - 2, 1);
        String root = String.join("\\", java.util.Arrays.copyOfRange(parts, 0, end));
        return root.endsWith(":") ? root + "\\" : root;
    }

    private static final java.util.regex.Pattern VERSIONED = java.util.regex.Pattern.compile("\\d\\.\\d");

    private static void add(List<String> p, String... keyValues) {
        p.addAll(List.of(keyValues));
    }
}
