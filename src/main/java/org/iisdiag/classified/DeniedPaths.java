package org.iisdiag.classified;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The paths an application was denied (UnauthorizedAccessException "Access to the path '...' is denied"), taken
 * together: uploads with unique names and a monthly subfolder, exports in a sibling folder. One grant on the
 * folder they share covers them all, and the files and subfolders the application creates next month too,
 * where a grant per denied file's folder misses its siblings.
 */
public final class DeniedPaths {
    /** Segments a shared folder needs below the drive or share: "D:\Sites\App" yes, "D:\Sites" no (every site). */
    static final int MIN_DEPTH = 2;

    private DeniedPaths() {
    }

    /** The denied path a cause names (its {@code path} parameter), or "". */
    public static String path(ExceptionCause cause) {
        return cause.match().params().getOrDefault("path", "");
    }

    /** The distinct denied paths of the causes, sorted without regard to case. */
    public static List<String> paths(List<?> causes) {
        TreeSet<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Object o : causes) {
            if (o instanceof ExceptionCause c && !path(c).isEmpty()) {
                out.add(path(c));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The deepest folder that holds every one of the causes' denied paths, as the first path spells it, or ""
     * when there are fewer than two paths or the folder they share is a drive, a share or a folder directly
     * under one (a grant there would reach far beyond the application).
     */
    public static String sharedFolder(List<?> causes) {
        List<String> paths = paths(causes);
        if (paths.size() < 2) {
            return "";
        }
        List<String> common = null;
        for (String p : paths) {
            List<String> folder = segments(p);
            folder = folder.subList(0, Math.max(0, folder.size() - 1)); // the file's folder
            if (common == null) {
                common = new ArrayList<>(folder);
                continue;
            }
            int n = 0;
            while (n < common.size() && n < folder.size() && common.get(n).toLowerCase(Locale.ROOT)
                    .equals(folder.get(n).toLowerCase(Locale.ROOT))) {
                n++;
            }
            common = new ArrayList<>(common.subList(0, n));
        }
        boolean unc = paths.get(0).startsWith("\\\\");
        int root = unc ? 2 : 1; // \\server\share, or D:
        if (common == null || common.size() < root + MIN_DEPTH) {
            return "";
        }
        return (unc ? "\\\\" : "") + String.join("\\", common);
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.replace('/', '\\').split("\\\\")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
