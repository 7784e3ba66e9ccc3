package org.iisdiag.classified;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.iisdiag.facts.HandlerMapping;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.PhpError;
import org.iisdiag.facts.UriCount;

/**
 * What the rules say about the errors of PHP's error log: which of several is the main one, where they
 * happened, the memory limit a message names in php.ini's own notation, and the PHP program a site's handler
 * mapping runs.
 */
public final class PhpErrors {
    private static final long MEGABYTE = 1024L * 1024L;

    private PhpErrors() {
    }

    /** The PHP error an item is (a {@link PhpError}, or an {@link ExceptionCause} read from one), or null. */
    public static PhpError of(Object item) {
        if (item instanceof PhpError p) {
            return p;
        }
        return item instanceof ExceptionCause x && x.source() instanceof PhpError p ? p : null;
    }

    /** The item whose PHP error happened most often (ties: the first location in name order), or null. */
    public static Object mostFrequent(Collection<?> items) {
        Object best = null;
        PhpError bestError = null;
        for (Object o : items) {
            PhpError p = of(o);
            if (p != null && (bestError == null || p.count() > bestError.count()
                    || p.count() == bestError.count() && p.location().compareTo(bestError.location()) < 0)) {
                best = o;
                bestError = p;
            }
        }
        return best;
    }

    /** Where the errors happened, most frequent first: "C:\app\lib\Export.php:88 (5 times), ...". */
    public static String locations(Collection<?> items) {
        List<PhpError> errors = new ArrayList<>();
        for (Object o : items) {
            PhpError p = of(o);
            if (p != null && !p.location().isEmpty()) {
                errors.add(p);
            }
        }
        errors.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.location().compareTo(b.location()));
        List<String> out = new ArrayList<>();
        for (PhpError p : errors) {
            out.add(p.location() + " (" + p.count() + (p.count() == 1 ? " time)" : " times)"));
        }
        return String.join(", ", out);
    }

    /** How many times the errors happened in all. */
    public static long total(Collection<?> items) {
        long n = 0;
        for (Object o : items) {
            PhpError p = of(o);
            n += p == null ? 0 : p.count();
        }
        return n;
    }

    /**
     * The URIs of the 500s in {@code statuses} (ErrorStatus of IIS log counts) that the PHP errors in {@code items}
     * stand for. PHP's log names the script that failed, not the URL: a URL whose file is one of those scripts
     * ("/admin/reindex.php" for "C:\app\admin\reindex.php") is theirs; when none is, the URLs whose file no other
     * PHP error of {@code allErrors} names (an included file failed: "lib\Export.php" under "/export.php"); when
     * every URL is another error's, all of them.
     */
    public static List<UriCount> uris(Collection<?> statuses, Collection<?> items, Collection<?> allErrors) {
        List<UriCount> all = new ArrayList<>();
        for (Object o : statuses) {
            if (o instanceof ErrorStatus e && e.source() instanceof IisStatusCount c) {
                all.addAll(c.topUris());
            }
        }
        Set<String> mine = scripts(items);
        List<UriCount> named = all.stream().filter(u -> mine.contains(file(u.uri()))).toList();
        if (!named.isEmpty()) {
            return named;
        }
        Set<String> others = scripts(allErrors);
        others.removeAll(mine);
        List<UriCount> unclaimed = all.stream().filter(u -> !others.contains(file(u.uri()))).toList();
        return unclaimed.isEmpty() ? all : unclaimed;
    }

    /** The file names (lower case) of the scripts of the PHP errors among the items. */
    private static Set<String> scripts(Collection<?> items) {
        Set<String> out = new HashSet<>();
        for (Object o : items) {
            PhpError p = of(o);
            if (p != null && !p.script().isEmpty()) {
                out.add(file(p.script()));
            }
        }
        return out;
    }

    /** The last segment of a path or URL without its query, lower case ("reindex.php"). */
    static String file(String path) {
        int q = path.indexOf('?');
        String p = q < 0 ? path : path.substring(0, q);
        return p.substring(Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\')) + 1).toLowerCase(Locale.ROOT);
    }

    /** How many requests the URIs stand for. */
    public static long requests(List<UriCount> uris) {
        return uris.stream().mapToLong(UriCount::count).sum();
    }

    /** A byte count as php.ini writes memory_limit: "134217728" is "128M"; a count that is no whole megabyte stays bytes. */
    public static String memoryLimit(String bytes) {
        try {
            long b = Long.parseLong(bytes.strip());
            return b > 0 && b % MEGABYTE == 0 ? b / MEGABYTE + "M" : b + " bytes";
        } catch (NumberFormatException e) {
            return bytes;
        }
    }

    /** The folder of a program's path ("C:\PHP" of "C:\PHP\php-cgi.exe"), "" when the path has none. */
    public static String folder(String program) {
        int slash = Math.max(program.lastIndexOf('\\'), program.lastIndexOf('/'));
        return slash > 0 ? program.substring(0, slash) : "";
    }

    /** The program of the first handler mapping for *.php (FastCGI's php-cgi.exe) ("C:\PHP\php-cgi.exe"), "" when none is in the case. */
    public static String program(Collection<?> handlers) {
        for (Object o : handlers) {
            if (o instanceof HandlerMapping h && h.path().toLowerCase(Locale.ROOT).endsWith(".php")) {
                return FastCgiPrograms.executable(h.scriptProcessor());
            }
        }
        return "";
    }
}
