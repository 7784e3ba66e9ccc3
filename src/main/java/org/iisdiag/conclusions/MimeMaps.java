package org.iisdiag.conclusions;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.iisdiag.facts.UriCount;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.MediaType;

/**
 * The static file handler serves only the extensions its MIME map lists, and answers 404.3 for any other. When
 * every URL of a 404.3 ends in an extension the media-type catalog knows as static content, the missing entries
 * are exactly those extensions, with the types the catalog gives: what to add, not "find the extension".
 */
public final class MimeMaps {
    private MimeMaps() {
    }

    /**
     * The media types of the URLs' extensions, in the order the URLs are counted (each once), or none when a URL
     * has no extension or one the catalog does not list as static content.
     */
    public static List<MediaType> missing(KnowledgeBase kb, List<UriCount> uris) {
        Set<MediaType> out = new LinkedHashSet<>();
        for (UriCount u : uris) {
            String ext = extension(u.uri());
            MediaType t = ext.isEmpty() ? null : kb.mediaType(ext);
            if (t == null) {
                return List.of();
            }
            out.add(t);
        }
        return List.copyOf(out);
    }

    /** The extension of a URL's last path segment, lower case with its dot (".woff2"), or "" when it has none. */
    static String extension(String uri) {
        int end = uri.length();
        for (char stop : new char[] {'?', '#'}) {
            int i = uri.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String path = uri.substring(0, end);
        String segment = path.substring(path.lastIndexOf('/') + 1);
        int dot = segment.lastIndexOf('.');
        return dot < 0 || dot == segment.length() - 1 ? "" : segment.substring(dot).toLowerCase(Locale.ROOT);
    }

    /** ".json, .woff2". */
    public static String extensions(List<MediaType> types) {
        return String.join(", ", types.stream().map(MediaType::extension).toList());
    }

    /** ".json as application/json, .woff2 as font/woff2": the pairs for a sentence. */
    public static String pairsForProse(List<MediaType> types) {
        return String.join(", ", types.stream().map(t -> t.extension() + " as " + t.mimeType()).toList());
    }

    /**
     * ".json=application/json .woff2=font/woff2": the pairs for a command to split. Both come from the catalog,
     * whose schema allows only letters, digits and {@code . _ - + /} in them: nothing a shell would interpret.
     */
    public static String pairsForCommand(List<MediaType> types) {
        return String.join(" ", types.stream().map(t -> t.extension() + "=" + t.mimeType()).toList());
    }
}
