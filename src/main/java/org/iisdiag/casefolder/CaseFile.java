package org.iisdiag.casefolder;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.iisdiag.facts.EvidenceKind;

/**
 * One piece of evidence in a case folder: a plain file, a gzip file, or an entry inside a zip
 * archive. {@code name} is the path relative to the case folder, with "!/" into archives.
 */
public record CaseFile(String name, EvidenceKind kind, long size, Opener opener, List<String> notes) {

    public CaseFile(String name, EvidenceKind kind, long size, Opener opener) {
        this(name, kind, size, opener, Collections.synchronizedList(new ArrayList<>()));
    }

    /**
     * Notes about reading this file that the stream itself found (a decompression limit was hit, so
     * reading stopped early): the collector adds them to the file's report.
     */
    @Override
    public List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    /** Adds a note once, however often it is said. */
    static void note(List<String> notes, String note) {
        synchronized (notes) {
            if (!notes.contains(note)) {
                notes.add(note);
            }
        }
    }

    /** Opens the (decompressed) content; each call returns a fresh stream. */
    public InputStream open() throws IOException {
        return opener.open();
    }

    /** The site label the folder implies, e.g. "W3SVC3" for ".../W3SVC3/u_ex251124.log", or "". */
    public String siteHint() {
        String[] parts = name.split("[/\\\\!]+");
        for (int i = parts.length - 2; i >= 0; i--) {
            if (parts[i].matches("(?i)W3SVC\\d+")) {
                return "W3SVC" + parts[i].substring(5);
            }
        }
        return "";
    }

    /**
     * The first folder of the path inside the case ("web02" of "web02/W3SVC1/u_ex.log"), "" for a file at
     * the top. A W3SVC&lt;n&gt; folder names a site, never a server, so it counts as no folder.
     */
    public String topFolder() {
        String[] parts = name.split("[/\\\\]+|!/");
        if (parts.length < 2 || parts[0].matches("(?i)W3SVC\\d+")) {
            return "";
        }
        return parts[0];
    }

    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }
}
