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
