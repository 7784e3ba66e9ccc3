package org.iisdiag.classified;

import java.util.Collection;
import java.util.Locale;

import org.iisdiag.facts.ApplicationPopup;

/**
 * Which program a FastCGI or CGI handler mapping runs, compared with the program an event names: a
 * scriptProcessor is a full path, optionally followed by "|arguments" ("C:\Python\python.exe|C:\app\wfastcgi.py"),
 * and an Application Popup names only the executable's file name ("php-cgi.exe").
 */
public final class FastCgiPrograms {
    private FastCgiPrograms() {
    }

    /** The executable's path of a scriptProcessor, without its arguments and quotes ("C:\PHP\php-cgi.exe"), "" when none. */
    public static String executable(String scriptProcessor) {
        if (scriptProcessor == null) {
            return "";
        }
        String exe = scriptProcessor.split("\\|", 2)[0].strip();
        return exe.length() > 1 && exe.startsWith("\"") && exe.endsWith("\"") ? exe.substring(1, exe.length() - 1) : exe;
    }

    /** The executable's file name of a scriptProcessor, lower case ("php-cgi.exe"), "" when none. */
    public static String fileName(String scriptProcessor) {
        String exe = executable(scriptProcessor);
        int slash = Math.max(exe.lastIndexOf('\\'), exe.lastIndexOf('/'));
        return exe.substring(slash + 1).toLowerCase(Locale.ROOT);
    }

    /** Whether the mapping's scriptProcessor runs the program an event names by its file name. */
    public static boolean runs(String scriptProcessor, String program) {
        String name = fileName(scriptProcessor);
        return !name.isEmpty() && program != null && name.equals(program.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The popup about {@code executable} (a full path, as the detailed error names it) that names a missing
     * DLL; else the first popup naming a missing DLL without naming a program; else null.
     */
    public static ApplicationPopup popupOf(Collection<?> popups, String executable) {
        String name = fileName(executable);
        ApplicationPopup unnamed = null;
        for (Object o : popups) {
            if (o instanceof ApplicationPopup a && !a.missingDll().isEmpty()) {
                if (!name.isEmpty() && a.program().equalsIgnoreCase(name)) {
                    return a;
                }
                if (a.program().isEmpty() && unnamed == null) {
                    unnamed = a;
                }
            }
        }
        return unnamed;
    }
}
