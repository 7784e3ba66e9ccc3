package org.iisdiag.conclusions;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.iisdiag.facts.FilteringRuleConfig;
import org.iisdiag.facts.RecordEquality;
import org.iisdiag.facts.SampleLine;
import org.iisdiag.facts.UriCount;

/**
 * Which request filtering rule ({@code requestFiltering/filteringRules}) refused the requests logged as 404.19,
 * from the rules in force for the site and the refused requests the IIS log kept: the deny strings the rule
 * scans the query string (scanQueryString) or the URL (scanUrl) for, matched the way request filtering does
 * (case-insensitive substrings, of the raw and of the unescaped query string), for a request whose extension
 * the rule applies to (an empty appliesTo: every request).
 */
public final class FilteringRules {

    private FilteringRules() {
    }

    /** A rule in force and the deny strings of it that the refused requests contain. */
    public record Match(String rule, String source, String configFile, List<String> strings, String scanned,
                        List<String> queries) {
        public Match {
            strings = List.copyOf(strings);
            queries = List.copyOf(queries);
        }

        /** "'select', 'union'" for the report. */
        public String quotedStrings() {
            return String.join(", ", strings.stream().map(s -> "'" + s + "'").toList());
        }

        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    /**
     * The rules in force for the refused URL paths: the levels that cover them (a {@code <location>} for one folder
     * only its URLs, see {@link ConfigLevels#covers}), merged in IIS order (by level, then file and line: a
     * {@code <remove>} or {@code <clear/>} takes away what came before it).
     */
    static List<FilteringRuleConfig> inForce(Collection<?> levels, List<String> paths) {
        List<FilteringRuleConfig> all = new ArrayList<>();
        for (Object o : levels) {
            if (o instanceof FilteringRuleConfig f && ConfigLevels.covers(f, paths)) {
                all.add(f);
            }
        }
        all.sort(ConfigLevels.mergeOrder(FilteringRuleConfig::level));
        Map<String, FilteringRuleConfig> rules = new LinkedHashMap<>();
        for (FilteringRuleConfig f : all) {
            if (f.removed() && f.name().isEmpty()) {
                rules.clear();
            } else if (f.removed()) {
                rules.remove(f.name().toLowerCase(Locale.ROOT));
            } else {
                rules.put(f.name().toLowerCase(Locale.ROOT), f);
            }
        }
        return new ArrayList<>(rules.values());
    }

    /**
     * The query string of each kept line: IIS writes cs-uri-query right after cs-uri-stem, so it is the field
     * after the refused URL's path ("-" when there was none).
     */
    static List<String> queries(List<SampleLine> samples, List<UriCount> uris) {
        List<String> out = new ArrayList<>();
        for (SampleLine s : samples) {
            String[] fields = s.text().split(" ");
            for (int i = 0; i + 1 < fields.length; i++) {
                String f = fields[i];
                boolean refused = uris.stream().anyMatch(u -> u.uri().equalsIgnoreCase(f));
                if (refused && !fields[i + 1].equals("-") && !fields[i + 1].matches("\\d+")) {
                    if (!out.contains(fields[i + 1])) {
                        out.add(fields[i + 1]);
                    }
                    break;
                }
            }
        }
        return out;
    }

    private static String unescaped(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    private static boolean contains(String text, String deny) {
        String t = text.toLowerCase(Locale.ROOT);
        String d = deny.toLowerCase(Locale.ROOT);
        return t.contains(d) || unescaped(t).contains(d);
    }

    /** Whether a rule applies to a request for this URL: an empty appliesTo to every one, else to its extensions. */
    private static boolean appliesTo(FilteringRuleConfig r, String uri) {
        String extension = ConfigLevels.extension(ConfigLevels.path(uri));
        return r.appliesTo().isEmpty() || r.appliesTo().stream().anyMatch(x -> x.equalsIgnoreCase(extension));
    }

    /**
     * The rules in force whose deny strings the refused requests contain, the rule with the most matched
     * strings first; empty when no kept request shows what a rule denies.
     */
    public static List<Match> match(Collection<?> levels, List<SampleLine> samples, List<UriCount> uris) {
        List<String> queries = queries(samples, uris);
        List<Match> out = new ArrayList<>();
        for (FilteringRuleConfig r : inForce(levels, ConfigLevels.paths(uris))) {
            if (r.denyStrings().isEmpty()) {
                continue;
            }
            List<String> strings = new ArrayList<>();
            List<String> hitQueries = new ArrayList<>();
            String scanned = "";
            if (r.scanQueryString()) {
                for (String q : queries) {
                    for (String d : r.denyStrings()) {
                        if (contains(q, d)) {
                            if (!strings.contains(d)) {
                                strings.add(d);
                            }
                            if (!hitQueries.contains(q)) {
                                hitQueries.add(q);
                            }
                        }
                    }
                }
                if (!strings.isEmpty()) {
                    scanned = "query string";
                }
            }
            if (strings.isEmpty() && r.scanUrl()) {
                for (UriCount u : uris) {
                    for (String d : r.denyStrings()) {
                        if (appliesTo(r, u.uri()) && contains(u.uri(), d) && !strings.contains(d)) {
                            strings.add(d);
                        }
                    }
                }
                if (!strings.isEmpty()) {
                    scanned = "URL";
                }
            }
            // a rule limited to extensions applies only to requests for them
            if (!strings.isEmpty() && uris.stream().anyMatch(u -> appliesTo(r, u.uri()))) {
                out.add(new Match(r.name(), r.source(), r.configFile(), strings, scanned, hitQueries));
            }
        }
        out.sort(Comparator.comparing((Match m) -> -m.strings().size()).thenComparing(Match::rule));
        return out;
    }

    /** The first of {@link #match}, as a list of at most one for a rule's {@code from}. */
    public static List<Match> best(Collection<?> levels, List<SampleLine> samples, List<UriCount> uris) {
        List<Match> all = match(levels, samples, uris);
        return all.isEmpty() ? List.of() : List.of(all.get(0));
    }

    /** The path of the most refused URL as a {@code <location path>} under the site ("search"), or "" for "/". */
    public static String locationPathOf(List<UriCount> uris) {
        if (uris.isEmpty()) {
            return "";
        }
        String u = uris.get(0).uri();
        while (u.startsWith("/")) {
            u = u.substring(1);
        }
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
