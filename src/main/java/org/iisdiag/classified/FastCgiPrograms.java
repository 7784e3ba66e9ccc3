package org.iisdiag.classified;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.facts.ApplicationPopup;

/**
 * Which program a FastCGI or CGI handler mapping runs, compared with the program an event names: a
 * scriptProcessor is a full path, optionally followed by "|arguments" ("C:\Python\python.exe|C:\app\wfastcgi.py"),
 * and an Application Popup names only the executable's file name ("php-cgi.exe").
 */
public final class FastCgiPrograms {
    private FastCgiPrograms() {
    }

    /** An executable's name ending an unquoted path: CGI mappings write their arguments after it ("perl.exe %s %s"). */
    private static final Pattern PROGRAM_END = Pattern.compile("(?i)\\.(exe|dll|com|bat|cmd)(?=\\s|$)");

    /**
     * The program of a scriptProcessor as written, without quotes and arguments: FastCGI's "|arguments", or CGI's
     * arguments after a quoted path or after the executable's extension ("C:\\Perl\\bin\\perl.exe %s %s"); "" when none.
     */
    public static String executable(String scriptProcessor) {
        if (scriptProcessor == null) {
            return "";
        }
        String exe = scriptProcessor.split("\\|", 2)[0].strip();
        if (exe.startsWith("\"")) {
            int close = exe.indexOf('"', 1);
            return (close < 0 ? exe.substring(1) : exe.substring(1, close)).strip();
        }
        Matcher m = PROGRAM_END.matcher(exe);
        return m.find() ? exe.substring(0, m.end()) : exe;
    }

    /** The folder of a scriptProcessor's program ("C:\\PHP"), or the program itself when it names no folder. */
    public static String folder(String scriptProcessor) {
        String exe = executable(scriptProcessor);
        int slash = Math.max(exe.lastIndexOf('\\'), exe.lastIndexOf('/'));
        return slash > 0 ? exe.substring(0, slash) : exe;
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
