package org.iisdiag.conclusions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.facts.OtherEvent;
import org.iisdiag.facts.SampleLine;

/**
 * Windows Installer removals (MsiInstaller 1034 "Windows Installer removed the product", 11724 "Removal completed
 * successfully") that name the product owning a program path a module could not find: an upgrade that installs
 * the new version into a new folder (a JDK, Python, Node.js) removes the old folder the configuration still
 * names. A removal names the path when a version of three or more parts ("17.0.9", "3.11.4") or a distinctive
 * word of the product's name appears in it.
 */
public final class ProductRemovals {

    private ProductRemovals() {
    }

    private static final Pattern VERSION = Pattern.compile("\\d{1,5}(?:\\.\\d{1,9}){2,3}");
    private static final Pattern WORD = Pattern.compile("[A-Za-z]{4,40}");
    /** Words of event text and of Windows paths that say nothing about which product it is. */
    private static final Set<String> COMMON = Set.of("msiinstaller", "windows", "installer", "product", "removed",
            "removal", "completed", "successfully", "success", "error", "status", "name", "version", "language",
            "manufacturer", "null", "program", "files", "microsoft", "corporation", "update", "system", "bits", "with");

    /** Whether the sample text of a removal names the product of {@code path}. */
    public static boolean names(String removal, String path) {
        String p = path == null ? "" : path.toLowerCase(Locale.ROOT);
        if (p.isBlank() || removal == null) {
            return false;
        }
        Matcher v = VERSION.matcher(removal);
        while (v.find()) {
            if (p.contains(v.group())) {
                return true;
            }
        }
        Set<String> pathWords = new TreeSet<>();
        Matcher w = WORD.matcher(p);
        while (w.find()) {
            pathWords.add(w.group());
        }
        Matcher r = WORD.matcher(removal.toLowerCase(Locale.ROOT));
        while (r.find()) {
            if (!COMMON.contains(r.group()) && pathWords.contains(r.group())) {
                return true;
            }
        }
        return false;
    }

    /** The removal events among {@code events} with a kept line that names the product of {@code path}. */
    public static List<OtherEvent> of(List<?> events, String path) {
        List<OtherEvent> out = new ArrayList<>();
        for (Object o : events) {
            if (o instanceof OtherEvent e && e.samples().stream().anyMatch(s -> names(s.text(), path))) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Their lines that name it, for the report: "MsiInstaller 1034: Eclipse Temurin JDK with Hotspot 17.0.9+9 (x64)
     * 17.0.9.9 1033"; "" when none does.
     */
    public static String naming(List<?> events, String path) {
        List<String> out = new ArrayList<>();
        for (OtherEvent e : of(events, path)) {
            e.samples().stream().map(SampleLine::text).filter(t -> names(t, path)).findFirst().ifPresent(out::add);
        }
        return String.join("; ", out);
    }
}
