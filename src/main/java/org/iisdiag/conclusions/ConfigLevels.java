package org.iisdiag.conclusions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

import org.iisdiag.facts.ConfigFact;
import org.iisdiag.facts.FileExtensionsConfig;
import org.iisdiag.facts.HandlerAccessPolicy;
import org.iisdiag.facts.HandlerMapping;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.IsapiCgiRestrictionConfig;
import org.iisdiag.facts.RequestFilteringList;
import org.iisdiag.facts.UriCount;
import org.iisdiag.facts.VerbsConfig;

/**
 * What the configuration levels in force say about the URLs of an error: which handlers accessPolicy
 * applies (403.1/403.2), which file name extensions request filtering refuses (404.7), which ISAPI or CGI
 * program the restriction list refuses (404.2). A level applies to a URL when its {@code <location>} path
 * (after the site name) is empty or a prefix of the URL's path; levels are merged in their IIS order.
 */
public final class ConfigLevels {
    private ConfigLevels() {
    }

    /** The paths (query dropped) of the URIs behind a status count. */
    static List<String> paths(Object fact) {
        return fact instanceof IisStatusCount c ? paths(c.topUris()) : List.of();
    }

    /** The paths (query dropped) of these URIs. */
    static List<String> paths(List<UriCount> uris) {
        List<String> out = new ArrayList<>();
        for (UriCount u : uris) {
            out.add(path(u.uri()));
        }
        return out;
    }

    /** A URI without its query string. */
    static String path(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }

    private static final java.util.regex.Pattern SUBFOLDER_CONFIG =
            java.util.regex.Pattern.compile("(?i)(?:^|/)ROOT/(.+)/web\\.config$");

    /**
     * The folder a level covers inside its site: "/uploads" for location "Shop/uploads" or for a web.config
     * collected as config/W3SVC1/ROOT/uploads/web.config, "" for the site root.
     */
    public static String folder(ConfigFact c) {
        String path = c.locationPath().strip();
        if (path.isEmpty() || path.equals(".")) {
            java.util.regex.Matcher m = SUBFOLDER_CONFIG.matcher(c.configFile().replace('\\', '/'));
            return m.find() ? "/" + m.group(1) : "";
        }
        int slash = path.indexOf('/');
        return slash < 0 ? "" : "/" + path.substring(slash + 1).replaceAll("/+$", "");
    }

    /**
     * The order IIS merges levels in: by level, then where each is written (file, then line as a number), so a
     * later {@code <remove>}, {@code <clear/>} or value of the same level wins.
     */
    static <T extends ConfigFact> Comparator<T> mergeOrder(ToIntFunction<T> level) {
        return Comparator.comparingInt(level).thenComparing(ConfigFact::configFile).thenComparingLong(ConfigFact::line);
    }

    /** Whether a level covers every one of the URL paths (a folder level only the paths under it). */
    static boolean covers(ConfigFact c, List<String> paths) {
        if (folder(c).isEmpty()) {
            return true;
        }
        return !paths.isEmpty() && paths.stream().allMatch(p -> covers(c, p));
    }

    /** Whether a level covers a URL path: a site-wide level every path, a folder level the folder and below it. */
    public static boolean covers(ConfigFact c, String path) {
        String folder = folder(c).toLowerCase(Locale.ROOT);
        String l = path.toLowerCase(Locale.ROOT);
        return folder.isEmpty() || l.equals(folder) || l.startsWith(folder + "/");
    }

    // ---- handlers accessPolicy (403.1, 403.2) ----------------------------------------------------

    /** The permission a 403 substatus says is missing: Script for 403.1, Read for 403.2, Write for 403.3, else "". */
    public static String missingPermission(int substatus) {
        return switch (substatus) {
            case 1 -> "Script";
            case 2 -> "Read";
            case 3 -> "Write";
            default -> "";
        };
    }

    /**
     * The accessPolicy in force for the URLs of {@code error}: the highest level among {@code policies} that
     * covers them, or null when none does.
     */
    public static HandlerAccessPolicy accessPolicyInForce(Object error, Collection<?> policies) {
        List<String> paths = paths(error);
        Comparator<HandlerAccessPolicy> order = mergeOrder(HandlerAccessPolicy::level);
        HandlerAccessPolicy best = null;
        for (Object o : policies) {
            if (o instanceof HandlerAccessPolicy p && covers(p, paths) && (best == null || order.compare(p, best) > 0)) {
                best = p;
            }
        }
        return best;
    }

    /** The parameters of a refused handler permission: the value in force, where, and the value to set. */
    public static String[] accessPolicyParams(HandlerAccessPolicy p, String missing, String site) {
        String newPolicy = p.with(missing);
        boolean writeAndRun = newPolicy.matches("(?i).*\\bWrite\\b.*") && newPolicy.matches("(?i).*\\b(Script|Execute)\\b.*");
        String configPath = p.locationPath().isEmpty() || p.locationPath().equals(".") ? site : p.locationPath();
        return new String[] {"accessPolicy", p.accessPolicy(), "newPolicy", newPolicy, "missing", missing,
                "configSource", p.source(), "configFile", p.configFile(),
                "configPath", configPath == null || configPath.isEmpty() ? "<site name>" : configPath,
                "where", p.locationPath().isEmpty() ? p.configFile() : "<location path=\"" + p.locationPath() + "\"> of " + p.configFile(),
                "commit", p.inApplicationHost() ? "apphost" : "",
                "writeAndRun", writeAndRun ? "yes" : ""};
    }

    // ---- request filtering fileExtensions (404.7) --------------------------------------------------

    /** The extension IIS request filtering sees in a URL path: ".json", or "." for a last segment without one. */
    static String extension(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        return dot < 0 ? "." : last.substring(dot).toLowerCase(Locale.ROOT);
    }

    /**
     * Each extension of the URLs behind {@code error} that the merged fileExtensions levels refuse, with
     * why: "denied" (an entry with allowed="false") or "unlisted" (allowUnlisted="false" and no entry).
     */
    public static Map<String, String> refusedExtensions(Object error, Collection<?> levels) {
        List<FileExtensionsConfig> ordered = listLevels(FileExtensionsConfig.class, error, levels);
        Map<String, String> out = new LinkedHashMap<>();
        for (String ext : new TreeSet<>(paths(error).stream().map(ConfigLevels::extension).toList())) {
            String why = refusal(ext, ordered);
            if (why != null) {
                out.put(ext, why);
            }
        }
        return out;
    }

    /** The levels of {@code type} that cover the URLs of {@code error}, in the order IIS merges them. */
    private static <T extends RequestFilteringList> List<T> listLevels(Class<T> type, Object error, Collection<?> levels) {
        List<String> paths = paths(error);
        List<T> ordered = new ArrayList<>();
        for (Object o : levels) {
            if (type.isInstance(o) && covers(type.cast(o), paths)) {
                ordered.add(type.cast(o));
            }
        }
        ordered.sort(mergeOrder(RequestFilteringList::level));
        return ordered;
    }

    /**
     * How the merged levels (in merge order) treat {@code key}: "denied" (an entry with allowed="false"),
     * "unlisted" (allowUnlisted="false" and no entry), or null when they allow it.
     */
    private static String refusal(String key, List<? extends RequestFilteringList> ordered) {
        Boolean entry = null;
        boolean allowUnlisted = true;
        for (RequestFilteringList l : ordered) {
            if (l.cleared() || l.removed().contains(key)) {
                entry = null;
            }
            if (l.allowed().contains(key)) {
                entry = true;
            } else if (l.denied().contains(key)) {
                entry = false;
            }
            if (l.allowUnlistedSet()) {
                allowUnlisted = l.allowUnlisted();
            }
        }
        return Boolean.FALSE.equals(entry) ? "denied" : entry == null && !allowUnlisted ? "unlisted" : null;
    }

    /** The level of {@code type} that denies {@code key} last, or sets allowUnlisted="false" last: where the refusal is written. */
    private static <T extends RequestFilteringList> T where(Class<T> type, String key, String why, Collection<?> levels) {
        T found = null;
        for (Object o : levels) {
            if (type.isInstance(o)) {
                T l = type.cast(o);
                if ((why.equals("denied") ? l.denied().contains(key) : l.allowUnlistedSet() && !l.allowUnlisted())
                        && (found == null || l.level() > found.level())) {
                    found = l;
                }
            }
        }
        return found;
    }

    /**
     * The diagnosis's parameters: the refused extensions ("extensions"), each with why and where
     * ("refusals"), up to three extensions one by one ("extension1" ...), the first denied one
     * ("deniedExtension", for the removal of the inherited entry) and the URLs.
     */
    public static String[] extensionParams(Object error, List<?> levels) {
        Map<String, String> refused = refusedExtensions(error, levels);
        List<String> why = new ArrayList<>();
        List<String> denied = new ArrayList<>();
        for (Map.Entry<String, String> e : refused.entrySet()) {
            FileExtensionsConfig f = where(FileExtensionsConfig.class, e.getKey(), e.getValue(), levels);
            String at = f == null ? "" : " (" + f.source() + ")";
            if (e.getValue().equals("denied")) {
                denied.add(e.getKey());
                why.add(e.getKey() + " is denied by an entry with allowed=\"false\"" + at);
            } else {
                why.add(e.getKey() + " is not in the allow list and allowUnlisted=\"false\"" + at);
            }
        }
        List<String> exts = new ArrayList<>(refused.keySet());
        List<String> out = new ArrayList<>(List.of("extensions", String.join(", ", exts), "refusals", String.join("; ", why)));
        for (int i = 0; i < 3; i++) {
            out.add("extension" + (i + 1));
            out.add(i < exts.size() ? exts.get(i) : "");
            out.add("denied" + (i + 1));
            out.add(i < exts.size() && refused.get(exts.get(i)).equals("denied") ? "yes" : "");
        }
        out.add("moreExtensions");
        out.add(exts.size() > 3 ? String.join(", ", exts.subList(3, exts.size())) : "");
        return out.toArray(String[]::new);
    }

    // ---- request filtering verbs (404.6) --------------------------------------------------------------

    /** How many refused verbs the diagnosis names one by one (verb1 ... verb4); the rest go to moreVerbs. */
    static final int VERBS_NAMED = 4;

    /**
     * Each request method of the entries behind {@code error} (their cs-method, most frequent first) that the
     * merged verbs levels refuse, with why: "denied" (an entry with allowed="false") or "unlisted"
     * (allowUnlisted="false" and no entry). Empty when the log kept no method or the levels allow them all.
     */
    public static Map<String, String> refusedVerbs(Object error, Collection<?> levels) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!(error instanceof IisStatusCount c)) {
            return out;
        }
        List<VerbsConfig> ordered = listLevels(VerbsConfig.class, error, levels);
        for (String raw : c.methodNames()) {
            String verb = raw.strip().toUpperCase(Locale.ROOT);
            String why = refusal(verb, ordered);
            if (why != null) {
                out.put(verb, why);
            }
        }
        return out;
    }

    /** The verbs the merged levels allow by an entry, in the order they are listed. */
    static List<String> allowedVerbs(Object error, Collection<?> levels) {
        Map<String, Boolean> entries = new LinkedHashMap<>();
        for (VerbsConfig v : listLevels(VerbsConfig.class, error, levels)) {
            if (v.cleared()) {
                entries.clear();
            }
            v.removed().forEach(entries::remove);
            v.allowed().forEach(x -> entries.put(x, true));
            v.denied().forEach(x -> entries.put(x, false));
        }
        return entries.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    /**
     * The diagnosis's parameters: the refused verbs ("verbs"), each with why and where ("refusals"), the verbs
     * the list allows ("allowedVerbs"), up to four refused verbs one by one ("verb1" ... with "denied1" ... "yes"
     * for an inherited allowed="false" entry) and the others ("moreVerbs").
     */
    public static String[] verbParams(Object error, Collection<?> levels) {
        Map<String, String> refused = refusedVerbs(error, levels);
        List<String> why = new ArrayList<>();
        for (Map.Entry<String, String> e : refused.entrySet()) {
            VerbsConfig v = where(VerbsConfig.class, e.getKey(), e.getValue(), levels);
            String at = v == null ? "" : " (" + v.source() + ")";
            why.add(e.getKey() + (e.getValue().equals("denied") ? " is denied by an entry with allowed=\"false\""
                    : " is not in the list and allowUnlisted=\"false\"") + at);
        }
        List<String> verbs = new ArrayList<>(refused.keySet());
        List<String> allowed = allowedVerbs(error, levels);
        List<String> out = new ArrayList<>(List.of("verbs", String.join(", ", verbs), "refusals", String.join("; ", why),
                "allowedVerbs", allowed.isEmpty() ? "none" : String.join(", ", allowed)));
        for (int i = 0; i < VERBS_NAMED; i++) {
            out.add("verb" + (i + 1));
            out.add(i < verbs.size() ? verbs.get(i) : "");
            out.add("denied" + (i + 1));
            out.add(i < verbs.size() && refused.get(verbs.get(i)).equals("denied") ? "yes" : "");
        }
        out.add("moreVerbs");
        out.add(verbs.size() > VERBS_NAMED ? String.join(", ", verbs.subList(VERBS_NAMED, verbs.size())) : "");
        return out.toArray(new String[0]);
    }

    // ---- ISAPI and CGI restrictions (404.2) ---------------------------------------------------------

    /**
     * Whether {@code mapping} serves the URLs of the error: its request path ("*.aspx", "php-cgi.exe", "*")
     * matches the extension or file name of one of them.
     */
    public static boolean mapsAny(HandlerMapping mapping, Object error) {
        String pattern = mapping.path().strip().toLowerCase(Locale.ROOT);
        for (String p : paths(error)) {
            String last = p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (pattern.equals("*") || pattern.startsWith("*.") && last.endsWith(pattern.substring(1))
                    || !pattern.contains("*") && last.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    /** "IsapiModule"/"CgiModule" word check on a mapping's module list. */
    public static boolean restricted(HandlerMapping mapping) {
        return mapping.modules().matches("(?i).*\\b(IsapiModule|CgiModule)\\b.*");
    }

    /** The parameters of a refused ISAPI/CGI program. */
    public static String[] restrictionParams(HandlerMapping h, IsapiCgiRestrictionConfig r) {
        IsapiCgiRestrictionConfig.Entry e = r.entryFor(h.scriptProcessor());
        return new String[] {"program", h.scriptProcessor(), "handler", h.name(), "handlerPath", h.path(),
                "kind", h.cgi() ? "CGI program" : "ISAPI extension", "refusal", r.refusal(h.scriptProcessor(), h.cgi()),
                "entryExists", e == null ? "" : "yes", "description", e == null || e.description().isEmpty() ? h.name() : e.description(),
                "handlerSource", h.source(), "configSource", r.source(),
                "notListedSwitch", h.cgi() ? "notListedCgisAllowed" : "notListedIsapisAllowed",
                "preCondition", h.preCondition().isEmpty() ? "none" : h.preCondition()};
    }
}
