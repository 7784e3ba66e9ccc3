package org.iisdiag.conclusions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.iisdiag.facts.UriCount;

/**
 * Reads which request-filtering entry refused a set of URLs, from the URLs themselves. A 404.8 (Hidden
 * Namespace) means a path segment is listed in {@code hiddenSegments}; the segment matches anywhere in the
 * path, so an application route such as {@code /api/bin/items} is refused as if it were the {@code bin}
 * folder. Only the segments IIS hides out of the box are recognised (applicationHost.config's default
 * list); a segment an administrator added is not known here.
 */
public final class RequestFiltering {
    private RequestFiltering() {
    }

    /** The hiddenSegments entries of a default IIS installation, as applicationHost.config spells them. */
    static final List<String> DEFAULT_HIDDEN_SEGMENTS = List.of("web.config", "bin", "App_code",
            "App_GlobalResources", "App_LocalResources", "App_WebReferences", "App_Data", "App_Browsers");

    /**
     * The default hidden segment that every URI passes through as a route rather than as a file, or "".
     * A URI qualifies when one of its path segments is the hidden segment (compared as IIS does,
     * case-insensitively), that segment is not itself a file name (web.config), and the URI's last
     * segment names no file (no extension): {@code /api/bin/items/4711/restore} or {@code /bin}, not
     * {@code /bin/App.dll} or {@code /web.config}; one file among them and the set is not routes. Two distinct paths at least, one of them going on past
     * the segment (a route with depth, not only a folder probe), and all through the same segment.
     */
    public static String hiddenSegmentOfRoutes(List<UriCount> uris) {
        String found = "";
        TreeSet<String> paths = new TreeSet<>();
        boolean deeper = false;
        for (UriCount u : uris) {
            String path = ConfigLevels.path(u.uri());
            List<String> segs = segments(path);
            if (segs.isEmpty() || segs.get(segs.size() - 1).contains(".")) {
                return "";
            }
            int at = -1;
            String seg = "";
            for (int i = 0; i < segs.size() && at < 0; i++) {
                for (String h : DEFAULT_HIDDEN_SEGMENTS) {
                    if (!h.contains(".") && h.equalsIgnoreCase(segs.get(i))) {
                        at = i;
                        seg = h;
                        break;
                    }
                }
            }
            if (at < 0 || !found.isEmpty() && !found.equals(seg)) {
                return "";
            }
            found = seg;
            deeper |= at < segs.size() - 1;
            paths.add(path.toLowerCase(Locale.ROOT));
        }
        return paths.size() >= 2 && deeper ? found : "";
    }

    /**
     * The location paths (no leading slash) that reach the hidden segment in these URIs, shortest first:
     * "bin", "api/bin". A {@code <location path>} there holds the exception for exactly those routes.
     */
    public static List<String> routeLocations(List<UriCount> uris, String segment) {
        TreeSet<String> out = new TreeSet<>((a, b) -> a.length() != b.length() ? a.length() - b.length()
                : String.CASE_INSENSITIVE_ORDER.compare(a, b)); // IIS compares URL paths without case
        if (segment.isEmpty()) {
            return List.of();
        }
        for (UriCount u : uris) {
            List<String> segs = segments(ConfigLevels.path(u.uri()));
            for (int i = 0; i < segs.size(); i++) {
                if (segs.get(i).equalsIgnoreCase(segment)) {
                    out.add(String.join("/", segs.subList(0, i + 1)));
                    break;
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The URIs of a 404.11 (double escape sequence) that name files whose names still hold a percent escape in
     * the logged path, or an empty list. IIS logs cs-uri-stem decoded once, so a {@code %20} still in it was sent
     * as {@code %2520}: the name the link points at holds a literal {@code %xx}, typically written by a tool that
     * saved URL-encoded names. A URI qualifies when its last segment names a file (an extension) and a segment
     * holds an escape of an ordinary character: not of '/', '\', '.', '%' or a control character, which are
     * traversal and smuggling probes rather than names. Empty unless such URIs carry at least half the entries.
     */
    public static List<UriCount> escapedFileNames(List<UriCount> uris) {
        List<UriCount> out = new ArrayList<>();
        long all = 0;
        long named = 0;
        for (UriCount u : uris) {
            all += u.count();
            List<String> segs = segments(ConfigLevels.path(u.uri()));
            if (!segs.isEmpty() && segs.get(segs.size() - 1).lastIndexOf('.') > 0 && firstEscapedSegment(segs) >= 0) {
                out.add(u);
                named += u.count();
            }
        }
        return named * 2 >= all && named > 0 ? out : List.of();
    }

    /**
     * The folders (no leading slash) that hold the escaped names of {@link #escapedFileNames}: the one folder
     * above the first segment with an escape that all of them share, else each such folder, joined by ", ";
     * "" when the escape is in a top-level name.
     */
    public static String escapedNameFolder(List<UriCount> uris) {
        TreeSet<String> folders = new TreeSet<>(String.CASE_INSENSITIVE_ORDER); // IIS compares URL paths without case
        for (UriCount u : uris) {
            List<String> segs = segments(ConfigLevels.path(u.uri()));
            int at = firstEscapedSegment(segs);
            if (at >= 0) {
                folders.add(String.join("/", segs.subList(0, at)));
            }
        }
        if (folders.isEmpty()) {
            return "";
        }
        List<String> common = segments(folders.first());
        for (String f : folders) {
            List<String> segs = segments(f);
            int n = 0;
            while (n < common.size() && n < segs.size() && common.get(n).equalsIgnoreCase(segs.get(n))) {
                n++;
            }
            common = common.subList(0, n);
        }
        return !common.isEmpty() ? String.join("/", common) : String.join(", ", folders);
    }

    /** Up to {@code max} renames of the escaped names: "`old` to `new`", each last segment with its escapes decoded. */
    public static String renames(List<UriCount> uris, int max) {
        List<String> out = new ArrayList<>();
        for (UriCount u : uris) {
            List<String> segs = segments(ConfigLevels.path(u.uri()));
            int at = firstEscapedSegment(segs);
            if (at >= 0 && out.size() < max) {
                String name = segs.get(segs.size() - 1);
                String pair = "`" + name + "` to `" + decoded(name) + "`";
                if (!out.contains(pair)) {
                    out.add(pair);
                }
            }
        }
        return String.join(", ", out);
    }

    /** Index of the first segment holding a percent escape of an ordinary character, or -1. */
    private static int firstEscapedSegment(List<String> segs) {
        for (int i = 0; i < segs.size(); i++) {
            String s = segs.get(i);
            for (int p = s.indexOf('%'); p >= 0 && p + 2 < s.length(); p = s.indexOf('%', p + 1)) {
                int c = hex(s.charAt(p + 1)) * 16 + hex(s.charAt(p + 2));
                if (hex(s.charAt(p + 1)) >= 0 && hex(s.charAt(p + 2)) >= 0 && c >= 0x20 && c != 0x7f
                        && c != '/' && c != '\\' && c != '.' && c != '%') {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The name with its percent escapes decoded as UTF-8 bytes; other characters kept. */
    static String decoded(String name) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '%' && i + 2 < name.length() && hex(name.charAt(i + 1)) >= 0 && hex(name.charAt(i + 2)) >= 0) {
                b.write(hex(name.charAt(i + 1)) * 16 + hex(name.charAt(i + 2)));
                i += 2;
            } else {
                byte[] u = String.valueOf(ch).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                b.write(u, 0, u.length);
            }
        }
        return b.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
