package org.iisdiag.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Function;

import org.iisdiag.conclusions.StatusCodes;
import org.iisdiag.conclusions.Target;
import org.iisdiag.facts.AncmEvent;
import org.iisdiag.facts.AppPoolDefinition;
import org.iisdiag.facts.ApplicationType;
import org.iisdiag.facts.AspNetCoreConfig;
import org.iisdiag.facts.AspNetWebEvent;
import org.iisdiag.facts.ClassicAspError;
import org.iisdiag.facts.EvidenceFact;
import org.iisdiag.facts.FailedRequestTrace;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.ServerEnvironment;
import org.iisdiag.facts.SessionStateConfig;
import org.iisdiag.facts.SqlConnectionTarget;
import org.iisdiag.facts.SiteInfo;
import org.iisdiag.facts.Tristate;
import org.iisdiag.facts.UriCount;
import org.iisdiag.facts.WebFarmConfig;
import org.iisdiag.targets.TargetDirectory;

/**
 * The values that fit catalog text to this case: for a conclusion's target, parameters and evidence,
 * what a placeholder ({site}, {url}, {window}) stands for and what a step condition ({stack},
 * {internetFacing}, {hostingModel}) reads. In order: the rule's parameters, the target, values read
 * from the evidence, the case as a whole. Unknown values are null, so conditions can tell "not known"
 * from "known to differ".
 */
final class CaseValues {
    /** Parameters that collect over evidence: when conclusions merge, their values merge into a list. */
    static final Set<String> AGGREGATES = Set.of("url", "urls", "count", "window", "statusCode", "statusCodes",
            "evidenceText", "exceptionText", "firstCrash", "crashes", "failures", "offline", "queueFull", "slowest",
            "arrTime", "backendTime", "timeTaken", "reasons", "installedCount", "win32", "hresult", "eventId", "observed",
            "webMethod");

    /** Aggregated parameters that are counts: merged conclusions show their sum. */
    static final Set<String> SUMS = Set.of("count", "queueFull", "crashes", "failures");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final ServerEnvironment server;
    private final List<SiteInfo> sites;
    private final TargetDirectory targets;
    private final Map<String, String> globals;
    private final String caseStack;
    private final String hostingModel;
    private final List<AppPoolDefinition> pools;
    private final List<org.iisdiag.facts.ApplicationDefinition> apps;
    /** Whether the case holds several servers' logs (their traffic is compared only then), so titles say which one. */
    private final boolean severalServers;
    /** Where the configuration's connection strings connect, when they name one server (see {@link #onlySqlTarget}). */
    private final SqlConnectionTarget sql;
    /** Whether the logs show requests for ASP.NET 4.x pages or services (see {@link #siteStack}). */
    private final boolean managedRequests;
    /** The SQL Server that keeps the sessions, when the configuration names one (see {@link #onlySessionStore}). */
    private final SessionStateConfig sessionStore;

    CaseValues(ServerEnvironment server, List<SiteInfo> sites, TargetDirectory targets, Map<String, String> globals,
               Collection<?> facts) {
        this.server = server;
        this.sites = sites;
        this.targets = targets;
        this.globals = globals;
        this.caseStack = stackOf(server, facts);
        this.managedRequests = managedRequests(facts);
        this.hostingModel = facts.stream().filter(f -> f instanceof AspNetCoreConfig).map(f -> ((AspNetCoreConfig) f).hostingModel())
                .sorted().findFirst().orElse(null);
        this.pools = facts.stream().filter(f -> f instanceof AppPoolDefinition).map(f -> (AppPoolDefinition) f).toList();
        this.severalServers = facts.stream().anyMatch(f -> f instanceof org.iisdiag.facts.ServerTraffic);
        this.apps = facts.stream().filter(f -> f instanceof org.iisdiag.facts.ApplicationDefinition)
                .map(f -> (org.iisdiag.facts.ApplicationDefinition) f).toList();
        this.sql = onlySqlTarget(facts);
        this.sessionStore = onlySessionStore(facts);
    }

    /**
     * The sessionState setting that keeps sessions in SQL Server, when the configuration names one server
     * and database for it; null when none or several do.
     */
    static SessionStateConfig onlySessionStore(Collection<?> facts) {
        List<SessionStateConfig> all = facts.stream().filter(SessionStateConfig.class::isInstance)
                .map(SessionStateConfig.class::cast).filter(SessionStateConfig::inSqlServer).toList();
        long distinct = all.stream().map(x -> (x.sqlServer() + "|" + x.sqlDatabase()).toLowerCase(java.util.Locale.ROOT))
                .distinct().count();
        return distinct == 1 ? all.get(0) : null;
    }

    /**
     * The SQL Server the case's configuration connects to, when its connection strings name one server
     * (and at most one database on it); null when they name none or several, since a step must not guess.
     */
    static SqlConnectionTarget onlySqlTarget(Collection<?> facts) {
        List<SqlConnectionTarget> all = facts.stream().filter(SqlConnectionTarget.class::isInstance)
                .map(SqlConnectionTarget.class::cast).toList();
        if (all.isEmpty() || all.stream().map(x -> x.dataSource().toLowerCase(java.util.Locale.ROOT)).distinct().count() > 1) {
            return null;
        }
        List<String> databases = all.stream().map(SqlConnectionTarget::database).filter(d -> !d.isEmpty())
                .map(d -> d.toLowerCase(java.util.Locale.ROOT)).distinct().toList();
        SqlConnectionTarget first = all.stream().sorted(java.util.Comparator.comparing(SqlConnectionTarget::source)).findFirst().orElseThrow();
        return databases.size() > 1 ? new SqlConnectionTarget(first.name(), first.dataSource(), "", first.integratedSecurity(),
                first.configFile(), first.locationPath(), first.defaults(), first.source()) : first;
    }

    /**
     * The case's stack when env.yaml does not say: the evidence shows it (ASP.NET Core Module settings or
     * events, ASP.NET events, Classic ASP errors, an ARR farm), else env.yaml's, else null.
     */
    static String stackOf(ServerEnvironment server, Collection<?> facts) {
        if (server.applicationType() != ApplicationType.UNKNOWN) {
            return server.applicationType().key();
        }
        TreeSet<String> seen = new TreeSet<>();
        for (Object f : facts) {
            if (f instanceof AspNetCoreConfig || f instanceof AncmEvent) {
                seen.add(ApplicationType.ASPNET_CORE.key());
            } else if (f instanceof AspNetWebEvent) {
                seen.add(ApplicationType.ASPNET.key());
            } else if (f instanceof ClassicAspError) {
                seen.add(ApplicationType.CLASSIC_ASP.key());
            } else if (f instanceof WebFarmConfig || f instanceof FailedRequestTrace t && !t.backendServer().isEmpty()) {
                seen.add(ApplicationType.ARR.key());
            }
        }
        return seen.size() == 1 ? seen.first() : null;
    }

    /**
     * A title that says which server it is about when the case holds several ("... on web03"), unless it
     * already names it.
     */
    String onServers(String title, Set<String> servers) {
        List<String> named = servers.stream().filter(x -> !x.isEmpty()).sorted(String.CASE_INSENSITIVE_ORDER).toList();
        if (!severalServers || named.isEmpty() || named.stream().allMatch(title::contains)) {
            return title;
        }
        return title + " on " + String.join(", ", named);
    }

    /** Values for one conclusion; null for what the case does not know. */
    Function<String, String> known(Target target, SortedMap<String, String> params, List<EvidenceFact> evidence) {
        return name -> {
            String v = params.get(name);
            if (v != null && !v.isEmpty()) {
                return v;
            }
            v = fromTarget(target, name);
            if (v != null) {
                return v;
            }
            v = fromEvidence(name, params, evidence);
            if (v != null) {
                return v;
            }
            return fromCase(target, name);
        };
    }

    /** How prose (titles, explanations) names what the case does not know, where commands show a fill-in. */
    private static final Map<String, String> PROSE = Map.of("site", "the site", "server", "the server",
            "url", "the failing URL", "urls", "the failing URLs", "app", "the application");

    /** Values for commands: what is known, else the catalog's globals, else the entry's fallback, else "&lt;name&gt;". */
    Function<String, String> forText(Function<String, String> known, Map<String, String> fallbacks) {
        return name -> {
            String v = known.apply(name);
            if (v != null && !v.isEmpty()) {
                return v;
            }
            String g = globals.get(name);
            if (g != null && !g.startsWith("<")) {
                return g;
            }
            return fallbacks.getOrDefault(name, g != null ? g : "<" + name + ">");
        };
    }

    /** Values for prose: as {@link #forText}, but "the site" rather than "&lt;site name&gt;". */
    Function<String, String> forProse(Function<String, String> known, Map<String, String> fallbacks) {
        Function<String, String> text = forText(known, fallbacks);
        return name -> {
            String v = known.apply(name);
            if ((v == null || v.isEmpty()) && PROSE.containsKey(name)) {
                return PROSE.get(name);
            }
            return text.apply(name);
        };
    }

    private String fromTarget(Target t, String name) {
        return switch (name) {
            case "site" -> t.siteName().isEmpty() ? nonEmpty(t.siteLabel()) : t.siteName();
            case "siteLabel" -> nonEmpty(t.siteLabel());
            case "siteId" -> t.siteId() < 0 ? null : Long.toString(t.siteId());
            case "appPool" -> poolOf(t);
            case "app" -> t.app().isEmpty() || "/".equals(t.app()) ? null : t.app();
            // how appcmd names the target's application: "Shop/" for a site's root, "Shop/api" below it
            case "appcmdApp" -> t.siteName().isEmpty() ? null : t.siteName() + (t.app().isEmpty() ? "/" : t.app());
            // a pool of its own for the target's application, named after it
            case "newPool" -> nonEmpty(org.iisdiag.classified.OwnPool.nameFor(t));
            case "server" -> !t.server().isEmpty() ? t.server() : nonEmpty(server.serverName());
            default -> null;
        };
    }

    private String fromEvidence(String name, SortedMap<String, String> params, List<EvidenceFact> evidence) {
        switch (name) {
            case "url": {
                String urls = params.getOrDefault("urls", "");
                if (!urls.isEmpty()) {
                    return firstPath(urls);
                }
                return nonEmpty(firstPath(paths(evidence)));
            }
            case "urls": {
                return nonEmpty(paths(evidence));
            }
            case "uploadPath": {
                String url = fromEvidence("url", params, evidence);
                return url == null ? null : nonEmpty(url.replaceFirst("^/", ""));
            }
            case "statusCode": {
                return evidence.stream().filter(e -> e instanceof IisStatusCount).map(e -> ((IisStatusCount) e).code())
                        .findFirst().orElse(null);
            }
            case "statusCodes": {
                return nonEmpty(StatusCodes.forFreb(evidence));
            }
            case "window": {
                return window(evidence);
            }
            case "eventsFrom": {
                return bound(evidence, true);
            }
            case "eventsTo": {
                return bound(evidence, false);
            }
            case "exceptionFilter": {
                String code = params.getOrDefault("exceptionCode", "");
                return code.isEmpty() ? null : code.replaceFirst("(?i)^0x", "").toUpperCase(java.util.Locale.ROOT);
            }
            case "count": {
                long n = StatusCodes.total(evidence);
                return n == 0 ? null : StatusCodes.thousands(n);
            }
            case "physicalPath": {
                return nonEmpty(org.iisdiag.classified.DocumentPages.physicalPath(evidence));
            }
            case "site": {
                return siteOfErrors(evidence);
            }
            default:
                return null;
        }
    }

    /**
     * The one site whose errors a server-wide conclusion rests on (a module missing on the server, seen
     * by one site's 500.19s): its steps for that site can name it. Null when the errors name none or several.
     */
    private String siteOfErrors(List<EvidenceFact> evidence) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (EvidenceFact e : evidence) {
            if (e instanceof IisStatusCount || e instanceof org.iisdiag.facts.HttpErrCount) {
                names.add(targets.of(e).siteName());
            }
        }
        return names.size() == 1 ? nonEmpty(names.first()) : null;
    }

    private String fromCase(Target t, String name) {
        return switch (name) {
            case "stack" -> siteStack(t);
            case "internetFacing" -> server.internetFacing() == Tristate.UNKNOWN ? null
                    : Boolean.toString(server.internetFacing() == Tristate.YES);
            case "tracingInstalled" -> server.tracingInstalled() == Tristate.UNKNOWN ? null
                    : Boolean.toString(server.tracingInstalled() == Tristate.YES);
            case "hostingModel" -> hostingModel;
            case "identityType" -> pools.stream().filter(p -> p.name().equalsIgnoreCase(Objects.requireNonNullElse(poolOf(t), "")))
                    .map(AppPoolDefinition::identityType).findFirst().orElse(null);
            case "iisVersion" -> nonEmpty(server.iisVersion());
            case "physicalPath" -> physicalPathOf(t);
            case "sqlServer" -> sql == null ? null : sql.dataSource();
            case "sqlHost" -> sql == null ? null : nonEmpty(sql.host());
            case "database" -> sql == null ? null : nonEmpty(sql.database());
            case "sessionSqlServer" -> sessionStore == null ? null : sessionStore.sqlServer();
            case "sessionDatabase" -> sessionStore == null ? null : nonEmpty(sessionStore.sqlDatabase());
            case "extraAreas" -> extraAreas(siteStack(t));
            default -> null;
        };
    }

    /**
     * The folder of the target's application (its site's root when it names none) as applicationHost.config
     * gives it; null when the configuration is not in the case or names several.
     */
    private String physicalPathOf(Target t) {
        String app = t.app().isEmpty() ? "/" : t.app();
        List<String> found = apps.stream()
                .filter(a -> t.siteId() >= 0 ? a.siteId() == t.siteId() : !t.siteName().isEmpty() && a.siteName().equalsIgnoreCase(t.siteName()))
                .filter(a -> a.path().equalsIgnoreCase(app) && !a.physicalPath().isEmpty())
                .map(org.iisdiag.facts.ApplicationDefinition::physicalPath).distinct().toList();
        return found.size() == 1 ? found.get(0) : null;
    }

    /** The target's pool, else the pool env.yaml gives its site (site-wide actions name no pool), else null. */
    private String poolOf(Target t) {
        if (!t.appPool().isEmpty()) {
            return t.appPool();
        }
        for (SiteInfo s : sites) {
            if (t.siteId() >= 0 && s.id() == t.siteId() && !s.appPool().isEmpty()) {
                return s.appPool();
            }
        }
        // a conclusion scoped to a site keeps no pool: the configuration's pool of its application (or root)
        return t.hasSite() ? nonEmpty(targets.resolve(new Target("", t.siteId(), t.siteName(), t.app(), "")).appPool()) : null;
    }

    /** The stack of the target's site (env.yaml sites), else the case's, else what the site's pool rules out. */
    private String siteStack(Target t) {
        for (SiteInfo s : sites) {
            if (s.id() == t.siteId() && s.applicationType() != ApplicationType.UNKNOWN) {
                return s.applicationType().key();
            }
        }
        if (caseStack != null || managedRequests) {
            return caseStack;
        }
        return unmanagedPool(t) ? NOT_ASPNET : null;
    }

    /**
     * Every stack but ASP.NET 4.x, as a list a step condition reads element by element: a pool with No
     * Managed Code loads no CLR, so what it serves is static content, ASP.NET Core, Classic ASP, PHP or a
     * proxy, unless the case shows ASP.NET pages requested there (an app put in the wrong pool).
     */
    static final String NOT_ASPNET = java.util.Arrays.stream(ApplicationType.values())
            .filter(a -> a != ApplicationType.ASPNET && a != ApplicationType.UNKNOWN).map(ApplicationType::key)
            .collect(java.util.stream.Collectors.joining("; "));

    /** Whether the target's pool (see {@link #poolOf}) is a configured pool with No Managed Code. */
    private boolean unmanagedPool(Target t) {
        String name = poolOf(t);
        return name != null && pools.stream().anyMatch(p -> p.name().equalsIgnoreCase(name) && p.noManagedCode());
    }

    /** Whether any logged request, failed (its URIs) or sampled, is for an ASP.NET 4.x page or service. */
    private static boolean managedRequests(Collection<?> facts) {
        for (Object f : facts) {
            if (f instanceof org.iisdiag.facts.IisStatusCount c
                    && (c.topUris().stream().anyMatch(u -> org.iisdiag.conclusions.StatusCodes.ASPNET_URL.matcher(u.uri()).find())
                    || c.samples().stream().anyMatch(x -> org.iisdiag.conclusions.StatusCodes.ASPNET_URL.matcher(x.text()).find()))) {
                return true;
            }
        }
        return false;
    }

    /** WWW Server trace areas beyond the base set for the stack: ANCM for ASP.NET Core, RequestRouting for ARR. */
    static String extraAreas(String stack) {
        if (ApplicationType.ASPNET_CORE.key().equals(stack)) {
            return ",ANCM";
        }
        return ApplicationType.ARR.key().equals(stack) ? ",RequestRouting" : "";
    }

    static String paths(List<EvidenceFact> evidence) {
        List<UriCount> all = new java.util.ArrayList<>();
        for (EvidenceFact e : evidence) {
            if (e instanceof IisStatusCount c) {
                all.addAll(c.topUris());
            } else if (e instanceof HttpErrCount h) {
                all.addAll(h.topUris());
            }
        }
        return StatusCodes.paths(all);
    }

    /** "/a" out of "/a (4), /b (2)". */
    static String firstPath(String urls) {
        if (urls == null || urls.isEmpty()) {
            return "";
        }
        String first = urls.split(", ")[0];
        int paren = first.lastIndexOf(" (");
        return paren > 0 ? first.substring(0, paren) : first;
    }

    /** "2025-08-27 16:50 to 16:55 UTC" (the date again when it differs), or null without times. */
    static String window(List<EvidenceFact> evidence) {
        Instant first = null;
        Instant last = null;
        for (EvidenceFact e : evidence) {
            Instant f = e.firstSeen();
            Instant l = e.lastSeen();
            if (f != null && (first == null || f.isBefore(first))) {
                first = f;
            }
            if (l != null && (last == null || l.isAfter(last))) {
                last = l;
            }
        }
        if (first == null) {
            return null;
        }
        if (last == null || last.equals(first)) {
            return MINUTE.format(first) + " UTC";
        }
        boolean sameDay = MINUTE.format(first).substring(0, 10).equals(MINUTE.format(last).substring(0, 10));
        return MINUTE.format(first) + " to " + (sameDay ? TIME.format(last) : MINUTE.format(last)) + " UTC";
    }

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    /**
     * The start (or end) of the evidence's window widened by an hour, as "2025-08-27T15:50:00Z", for event
     * log queries: what happened to a pool or an app shortly before the errors matters. Null without times.
     */
    static String bound(List<EvidenceFact> evidence, boolean start) {
        Instant at = null;
        for (EvidenceFact e : evidence) {
            Instant t = start ? e.firstSeen() : e.lastSeen() != null ? e.lastSeen() : e.firstSeen();
            if (t != null && (at == null || (start ? t.isBefore(at) : t.isAfter(at)))) {
                at = t;
            }
        }
        return at == null ? null : ISO.format(start ? at.minusSeconds(3600) : at.plusSeconds(3600));
    }

    TargetDirectory targets() {
        return targets;
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
