package org.iisdiag.classified;

import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.facts.ErrorPage;
import org.iisdiag.facts.FailedRequestTrace;

/**
 * The content folder a configuration error points at: the folder of the web.config that a Failed Request
 * Trace ({@code ConfigExceptionInfo}) or a detailed error page ("Config File") names.
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
     * The web.config (without IIS's long-path prefix) the traces and error pages among {@code facts} name; the
     * first in order when several are named, "" when none is (a rule collects those of the status it explains).
     */
    public static String file(List<?> facts) {
        TreeSet<String> files = new TreeSet<>();
        for (Object o : facts) {
            String file = o instanceof FailedRequestTrace t ? t.configFile() : o instanceof ErrorPage p ? p.configFile() : "";
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
    public static String folderOf(String file) {
        String f = plain(file);
        int slash = Math.max(f.lastIndexOf('\\'), f.lastIndexOf('/'));
        if (slash <= 0 || !f.substring(slash + 1).equalsIgnoreCase("web.config")) {
            return "";
        }
        return f.substring(0, slash);
    }
}
