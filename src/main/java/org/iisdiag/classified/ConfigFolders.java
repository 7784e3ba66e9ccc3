package org.iisdiag.classified;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.facts.ErrorPage;
import org.iisdiag.facts.FailedRequestTrace;

/**
 * The content folder a configuration error points at: the folder of the web.config that a Failed Request
 * Trace ({@code ConfigExceptionInfo}) or a detailed error page ("Config File") names for the same status.
 * The IIS log names no file, so a step that grants access or edits the file can name the folder only
 * from these.
 */
public final class ConfigFolders {
    /**
     * IIS's long-path prefix: {@code \\?\C:\...} is {@code C:\...}, {@code \\?\UNC\server\share} is
     * {@code \\server\share} (and so is {@code UNC\server\share}, as an error page's parser leaves it).
     */
    private static final Pattern LONG_PATH = Pattern.compile("^(?:\\\\+\\?\\\\)?(UNC\\\\)?", Pattern.CASE_INSENSITIVE);

    private ConfigFolders() {
    }

    /**
     * The folder of the web.config named by those of {@code facts} (traces and error pages) with this
     * status and substatus; the first in order when several are named, "" when none is.
     */
    public static String of(int status, int substatus, List<?> facts) {
        String file = file(status, substatus, facts);
        return file.isEmpty() ? "" : file.substring(0, Math.max(file.lastIndexOf('\\'), file.lastIndexOf('/')));
    }

    /** The web.config itself (without IIS's long-path prefix) that {@link #of} takes the folder of, or "". */
    public static String file(int status, int substatus, List<?> facts) {
        TreeSet<String> files = new TreeSet<>();
        for (Object o : facts) {
            String file = o instanceof FailedRequestTrace t && t.status() == status && t.substatus() == substatus ? t.configFile()
                    : o instanceof ErrorPage p && p.status() == status && p.substatus() == substatus ? p.configFile() : "";
            String plain = plain(file);
            if (!folderOf(plain).isEmpty()) {
                files.add(plain);
            }
        }
        return files.isEmpty() ? "" : files.first();
    }

    /** A path as IIS shows it, without its long-path prefix. */
    private static String plain(String file) {
        String f = file.strip();
        Matcher longPath = LONG_PATH.matcher(f);
        if (longPath.find()) {
            f = (longPath.group(1) != null ? "\\\\" : "") + f.substring(longPath.end());
        }
        return f;
    }

    /**
     * The folder of a web.config path as IIS shows it (with or without its {@code \\?\} prefix), or "" for
     * anything else: a failing applicationHost.config or machine.config is not the site's content.
     */
    static String folderOf(String file) {
        String f = plain(file);
        int slash = Math.max(f.lastIndexOf('\\'), f.lastIndexOf('/'));
        if (slash <= 0 || !f.substring(slash + 1).equalsIgnoreCase("web.config")) {
            return "";
        }
        return f.substring(0, slash);
    }
}
