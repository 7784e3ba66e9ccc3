package org.iisdiag.classified;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Extensionless URLs: paths whose last segment has no ".ext" (/products/details/5, /api/orders), the URLs
 * ASP.NET 4.x reaches only through its ExtensionlessUrlHandler mapping (path "*.") and a single-page app only
 * through a fallback rule. A full URL (a trace's) is cut to its path; the query and fragment do not count.
 */
public final class ExtensionlessUrls {
    private static final Pattern WITH_EXTENSION = Pattern.compile("(?s).*\\.[A-Za-z0-9]{1,8}");

    private ExtensionlessUrls() {
    }

    /** Whether the URL's path ends in a segment without an extension ("/" counts: a folder URL). */
    public static boolean is(String url) {
        if (url == null) {
            return false;
        }
        String path = url;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        return !WITH_EXTENSION.matcher(path).matches();
    }

    /** Whether there are URLs and every one is extensionless. */
    public static boolean all(Collection<String> urls) {
        return urls != null && !urls.isEmpty() && urls.stream().allMatch(ExtensionlessUrls::is);
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == a || c == b) {
                return i;
            }
        }
        return -1;
    }
}
