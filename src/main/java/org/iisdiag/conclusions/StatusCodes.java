package org.iisdiag.conclusions;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.UriCount;

/** Turns observed status counts into the text rules put into actions (e.g. a FREB statusCodes list). */
public final class StatusCodes {
    private StatusCodes() {
    }

    /**
     * The codes in a FREB {@code failureDefinitions statusCodes} list: "404.13,500.19"; a 0 substatus
     * becomes the bare status (FREB then traces every substatus of it).
     */
    public static String forFreb(Collection<?> counts) {
        TreeSet<Integer> whole = new TreeSet<>();
        TreeSet<String> codes = new TreeSet<>();
        for (Object o : counts) {
            if (o instanceof IisStatusCount c && c.substatus() == 0) {
                whole.add(c.status());
            }
        }
        for (Object o : counts) {
            if (o instanceof IisStatusCount c) {
                // a bare status already traces all its substatus codes
                codes.add(whole.contains(c.status()) ? Integer.toString(c.status()) : c.code());
            }
        }
        return String.join(",", codes);
    }

    /** The most frequent URI across the given status counts, or "/" when none was recorded. */
    public static String topUri(Collection<?> counts) {
        String best = "/";
        long bestCount = -1;
        for (Object o : counts) {
            if (o instanceof IisStatusCount c) {
                for (UriCount u : c.topUris()) {
                    if (u.count() > bestCount || (u.count() == bestCount && u.uri().compareTo(best) < 0)) {
                        best = u.uri();
                        bestCount = u.count();
                    }
                }
            }
        }
        return best;
    }

    /** "AppOffline 264, QueueFull 95": the HTTPERR reasons among the given counts, largest first. */
    public static String reasons(Collection<?> counts) {
        java.util.Map<String, Long> byReason = new java.util.TreeMap<>();
        for (Object o : counts) {
            if (o instanceof HttpErrCount e) {
                byReason.merge(e.reason(), e.count(), Long::sum);
            }
        }
        return byReason.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .map(en -> en.getKey() + " " + thousands(en.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Prose about 502 time-taken: whether requests ended near ARR's default 30 s proxy timeout. */
    public static String arrTiming(Collection<?> summaries) {
        for (Object o : summaries) {
            if (o instanceof org.iisdiag.facts.TimeTakenSummary t) {
                String near = t.p50() >= 25_000 && t.p50() <= 35_000
                        ? " Half of them took about 30 s: they ran into ARR's default proxy timeout."
                        : t.p50() > 35_000 ? " They took longer than the default 30 s, so the timeout was raised and is still too short."
                        : " Many ended well before 30 s, so the back end is failing rather than merely slow.";
                return String.format(java.util.Locale.ROOT, "The 502s took %,d ms at the median and %,d ms at most.%s",
                        t.p50(), t.max(), near);
            }
        }
        return "The IIS log has no time-taken for them.";
    }

    /** Whether any of the evidence is about this HTTP status (e.g. the status users reported). */
    public static boolean concerns(java.util.List<org.iisdiag.facts.EvidenceFact> evidence, int status) {
        return evidence.stream().anyMatch(e -> e.status() == status);
    }

    /** The distinct codes of IIS status counts with their win32 code, sorted: "401.1 (win32 1385), 401.3 (win32 5)". */
    public static String codesWithWin32(Collection<?> counts) {
        TreeSet<String> codes = new TreeSet<>();
        for (Object o : counts) {
            if (o instanceof IisStatusCount c) {
                codes.add(c.code() + (c.win32() == 0 ? "" : " (win32 " + c.win32() + ")"));
            }
        }
        return String.join(", ", codes);
    }

    /** Entries or events in all behind the evidence facts of a collection. */
    public static long total(Collection<?> facts) {
        // the evidence the items stand for, each fact once (classified facts wrap their evidence)
        long n = 0;
        for (org.iisdiag.facts.EvidenceFact e : Conclude.evidence(facts)) {
            n += e.occurrences();
        }
        return n;
    }

    /**
     * The paths (query dropped) of the most frequent URIs, merged and most frequent first, at most five,
     * comma-separated: "/cart, /search".
     */
    public static String paths(java.util.List<UriCount> uris) {
        java.util.Map<String, Long> byPath = new java.util.TreeMap<>();
        for (UriCount u : uris) {
            String p = u.uri();
            int q = p.indexOf('?');
            byPath.merge(q < 0 ? p : p.substring(0, q), u.count(), Long::sum);
        }
        return byPath.entrySet().stream()
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(java.util.Map.Entry.comparingByKey()))
                .limit(5).map(java.util.Map.Entry::getKey)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** ASP.NET 4.x page and service extensions, as requested (a path, a query after it, or a list of paths). */
    public static final java.util.regex.Pattern ASPNET_URL =
            java.util.regex.Pattern.compile("(?i)\\.(aspx|asmx|ashx|axd|svc|cshtml|vbhtml)(?:[/?\\s,]|$)");

    /** Whether any request behind the fact (see {@link #urlsOf(Object)}) asked for an ASP.NET 4.x page or service. */
    public static boolean forAspNet(Object fact) {
        return ASPNET_URL.matcher(urlsOf(fact)).find();
    }

    /** The paths of the requests behind an IIS status count, or the URL a saved error page names. */
    public static String urlsOf(Object fact) {
        if (fact instanceof IisStatusCount c) {
            return paths(c.topUris());
        }
        if (fact instanceof HttpErrCount e) {
            return paths(e.topUris());
        }
        if (fact instanceof org.iisdiag.facts.ErrorPage p && !p.requestedUrl().isEmpty()) {
            return p.requestedUrl();
        }
        return "";
    }

    /**
     * The paths of the requests behind a status count that are the site's own: those matching a scanner
     * signature are left out when others remain (a refusal's decision is about the site's requests; the
     * filter is right to refuse the probes). Other facts as {@link #urlsOf(Object)}.
     */
    public static String siteUrlsOf(org.iisdiag.knowledge.KnowledgeBase kb, Object fact) {
        List<UriCount> uris = topUris(fact);
        List<UriCount> probes = kb.scannerProbes(uris);
        if (probes.isEmpty() || probes.size() == uris.size()) {
            return urlsOf(fact);
        }
        return paths(uris.stream().filter(u -> !probes.contains(u)).toList());
    }

    /**
     * A sentence on the scanner probes among the requests behind a status count when the site's own
     * requests are there too (see {@link #siteUrlsOf}); empty otherwise.
     */
    public static String scannerProbesAmong(org.iisdiag.knowledge.KnowledgeBase kb, Object fact) {
        List<UriCount> uris = topUris(fact);
        List<UriCount> probes = kb.scannerProbes(uris);
        if (probes.isEmpty() || probes.size() == uris.size()) {
            return "";
        }
        long count = probes.stream().mapToLong(UriCount::count).sum();
        return " " + thousands(count) + " of these requests (" + paths(probes) + ") " + (count == 1 ? "matches" : "match")
                + " known vulnerability-scanner probes: refusing those is what the filter is for, and only the"
                + " site's own requests need a decision.";
    }

    /** The counted request paths behind a status count, or the one URL a saved error page names; none for other facts. */
    public static List<UriCount> topUris(Object fact) {
        if (fact instanceof IisStatusCount c) {
            return c.topUris();
        }
        if (fact instanceof HttpErrCount e) {
            return e.topUris();
        }
        if (fact instanceof org.iisdiag.facts.ErrorPage p && !p.requestedUrl().isEmpty()) {
            return List.of(new UriCount(p.requestedUrl(), 1, 0));
        }
        return List.of();
    }

    /** The IIS status counts of server errors (5xx) among the facts. */
    public static java.util.List<IisStatusCount> serverErrors(Collection<?> counts) {
        java.util.List<IisStatusCount> out = new java.util.ArrayList<>();
        for (Object o : counts) {
            if (o instanceof IisStatusCount c && c.status() >= 500) {
                out.add(c);
            }
        }
        return out;
    }

    /** The IIS status count with the slowest entry, or null when none logged time-taken. */
    public static IisStatusCount slowestOf(Collection<?> counts) {
        IisStatusCount worst = null;
        for (Object o : counts) {
            if (o instanceof IisStatusCount c && c.timeTaken().known()
                    && (worst == null || c.timeTaken().max() > worst.timeTaken().max())) {
                worst = c;
            }
        }
        return worst;
    }

    /** "142,310 ms (500.0 on /shop/products/4411)": the slowest entry among IIS status counts. */
    public static String slowest(Collection<?> counts) {
        IisStatusCount worst = slowestOf(counts);
        if (worst == null) {
            return "";
        }
        String uri = worst.timeTaken().slowestUri().isEmpty() ? worst.topUri() : worst.timeTaken().slowestUri();
        return thousands(worst.timeTaken().max()) + " ms (" + worst.code() + (uri.isEmpty() ? "" : " on " + uri) + ")";
    }

    /**
     * The URIs of slow IIS status counts, comma-separated, at most five: each count's slowest request first
     * (slowest first; successes keep no other URIs), then the URIs errors keep, most requested first.
     */
    public static String slowUrls(Collection<?> counts) {
        java.util.List<IisStatusCount> bySlowest = new java.util.ArrayList<>();
        java.util.List<UriCount> all = new java.util.ArrayList<>();
        for (Object o : counts) {
            if (o instanceof IisStatusCount c) {
                bySlowest.add(c);
                all.addAll(c.topUris());
            }
        }
        bySlowest.sort(java.util.Comparator.comparingLong((IisStatusCount c) -> -c.timeTaken().max())
                .thenComparing(IisStatusCount::code));
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (IisStatusCount c : bySlowest) {
            String u = c.timeTaken().slowestUri();
            if (!u.isEmpty()) {
                out.add(u);
            }
        }
        if (!all.isEmpty()) {
            out.addAll(java.util.List.of(paths(all).split(", ")));
        }
        return out.stream().limit(5).collect(java.util.stream.Collectors.joining(", "));
    }

    /** "1,234" style count for prose. */
    /** The target of the first of these error statuses, else the server. */
    public static Target targetOf(List<?> statuses, org.iisdiag.targets.TargetDirectory targets) {
        return statuses.stream().filter(org.iisdiag.classified.ErrorStatus.class::isInstance)
                .map(s -> ((org.iisdiag.classified.ErrorStatus) s).target()).findFirst().orElse(targets.server());
    }

    public static String thousands(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }
}
