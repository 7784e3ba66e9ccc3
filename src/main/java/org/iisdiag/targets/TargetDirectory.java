package org.iisdiag.targets;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.conclusions.Target;
import org.iisdiag.facts.AncmEvent;
import org.iisdiag.facts.TracedRewrite;
import org.iisdiag.facts.AppPoolDefinition;
import org.iisdiag.facts.AppPoolState;
import org.iisdiag.facts.RecordEquality;
import org.iisdiag.facts.SiteState;
import org.iisdiag.facts.ApplicationDefinition;
import org.iisdiag.facts.AspNetWebEvent;
import org.iisdiag.facts.ClassicAspError;
import org.iisdiag.facts.ConfigFact;
import org.iisdiag.facts.FailedRequestTrace;
import org.iisdiag.facts.HttpErrCount;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.ServerEnvironment;
import org.iisdiag.facts.SiteDefinition;
import org.iisdiag.facts.PoolMemoryLimit;
import org.iisdiag.facts.SiteLimitsConfig;
import org.iisdiag.facts.SiteInfo;
import org.iisdiag.facts.WasEvent;

/**
 * One identity for the sites, applications and pools of a case, resolved from every source that names
 * them: the IIS log's site label (folder W3SVC&lt;n&gt; or s-sitename), HTTPERR's s-siteid and queue name,
 * applicationHost.config (sites, applications, pools), env.yaml, the application ids of ANCM and
 * ASP.NET events ("/LM/W3SVC/3/ROOT/api", "MACHINE/WEBROOT/APPHOST/Shop/api"), worker accounts
 * ("IIS APPPOOL\ShopPool") and WAS events. Rules reach it as the global {@code targets}: {@code
 * targets.of($fact)}, {@code targets.pool("ShopPool")}. Whatever one source leaves out, another may
 * fill: a site's pool, a pool's only site, the name of a numbered site.
 */
public final class TargetDirectory {
    private static final Pattern SITE_LABEL = Pattern.compile("(?i)W3SVC(\\d{1,9})");
    private static final Pattern LM_APP = Pattern.compile("(?i)/LM/W3SVC/(\\d{1,9})/ROOT(/[^\\s'\"]*)?");
    private static final Pattern APPHOST_APP = Pattern.compile("(?i)MACHINE/WEBROOT/APPHOST/([^/]+)(/.*)?");
    private static final String POOL_ACCOUNT = "IIS APPPOOL\\";

    private final Map<Long, String> siteNames = new TreeMap<>();
    /** An application as configured: its path as written and its pool. */
    private record App(long site, String path, String pool) {
        @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
        @Override public int hashCode() { return RecordEquality.hash(this); }
    }

    /** (site id, application path lower case) -> the application. */
    private final Map<String, App> apps = new TreeMap<>();
    private final Map<String, Set<Long>> poolSites = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Set<String> pools = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private final Set<Long> sitesSeen = new TreeSet<>();
    private String serverName = "";

    /** Builds the directory from the facts of a case (any order; unknown fact types are ignored). */
    public static TargetDirectory of(Collection<?> facts) {
        TargetDirectory d = new TargetDirectory();
        for (Object f : facts) {
            d.learn(f);
        }
        return d;
    }

    private void learn(Object f) {
        if (f instanceof ServerEnvironment s) {
            serverName = s.serverName();
        } else if (f instanceof SiteInfo s) {
            siteNames.putIfAbsent((long) s.id(), s.name());
            sitesSeen.add((long) s.id());
            if (!s.appPool().isEmpty()) {
                addApp(s.id(), "/", s.appPool());
            }
        } else if (f instanceof SiteDefinition s && s.id() >= 0) {
            siteNames.put(s.id(), s.name());
            sitesSeen.add(s.id());
        } else if (f instanceof ApplicationDefinition a && a.siteId() >= 0) {
            siteNames.putIfAbsent(a.siteId(), a.siteName());
            sitesSeen.add(a.siteId());
            addApp(a.siteId(), a.path(), a.appPool());
        } else if (f instanceof AppPoolDefinition p) {
            pools.add(p.name());
        } else if (f instanceof AppPoolState p) {
            pools.add(p.appPool());
        } else if (f instanceof SiteState s && s.id() >= 0) {
            siteNames.putIfAbsent(s.id(), s.site());
            sitesSeen.add(s.id());
        } else if (f instanceof IisStatusCount c) {
            siteId(c.site()).ifPresent(sitesSeen::add);
        }
    }

    private void addApp(long site, String path, String pool) {
        apps.putIfAbsent(site + "|" + normalizePath(path), new App(site, path == null || path.isEmpty() ? "/" : path, pool));
        pools.add(pool);
        poolSites.computeIfAbsent(pool, k -> new TreeSet<>()).add(site);
    }

    private static String normalizePath(String path) {
        String p = path == null || path.isEmpty() ? "/" : path.toLowerCase(Locale.ROOT);
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    static Optional<Long> siteId(String label) {
        if (label == null) {
            return Optional.empty();
        }
        Matcher m = SITE_LABEL.matcher(label.strip());
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    /** The one site of a single-site case, or -1. */
    private long onlySite() {
        return sitesSeen.size() == 1 ? sitesSeen.iterator().next() : -1;
    }

    /** The server name env.yaml gives, or "". */
    public String serverName() {
        return serverName;
    }

    /** The whole case (server-wide settings such as HTTP.sys's). */
    public Target server() {
        return resolve(Target.CASE);
    }

    /** The site with this label ("W3SVC3", a site name) or id. */
    public Target site(String label) {
        Optional<Long> id = siteId(label);
        if (id.isPresent()) {
            return resolve(new Target("", id.get(), "", "", ""));
        }
        if (label == null || label.isBlank()) {
            return resolve(Target.CASE);
        }
        for (Map.Entry<Long, String> e : siteNames.entrySet()) {
            if (e.getValue().equalsIgnoreCase(label.strip())) {
                return resolve(new Target("", e.getKey(), "", "", ""));
            }
        }
        if (label.strip().matches("\\d{1,9}")) {
            return resolve(new Target("", Long.parseLong(label.strip()), "", "", ""));
        }
        return resolve(new Target("", -1, label.strip(), "", ""));
    }

    public Target site(long id) {
        return resolve(new Target("", id, "", "", ""));
    }

    /** The application pool of this name. */
    public Target pool(String name) {
        return resolve(new Target("", -1, "", "", name == null ? "" : name.strip()));
    }

    /**
     * The application of an event's application id: "/LM/W3SVC/3/ROOT/api",
     * "MACHINE/WEBROOT/APPHOST/Default Web Site/api", or an ASP.NET application domain
     * "/LM/W3SVC/4/ROOT-1-1334...".
     */
    public Target application(String appId) {
        if (appId == null || appId.isBlank()) {
            return resolve(Target.CASE);
        }
        // an application path may hold '-' ("/orders-api"); only an application domain's suffix goes
        Matcher lm = LM_APP.matcher(AspNetWebEvent.applicationOfDomain(appId));
        if (lm.find()) {
            String path = lm.group(2) == null ? "" : lm.group(2);
            path = path.isEmpty() ? "/" : path;
            return resolve(new Target("", Long.parseLong(lm.group(1)), "", path, ""));
        }
        Matcher ah = APPHOST_APP.matcher(appId.strip());
        if (ah.matches()) {
            Target site = site(ah.group(1));
            String path = ah.group(2) == null || ah.group(2).isEmpty() ? "/" : ah.group(2);
            return resolve(new Target("", site.siteId(), site.siteName(), path, ""));
        }
        return resolve(Target.CASE);
    }

    /** The pool of a worker account "IIS APPPOOL\ShopPool"; the case for other accounts. */
    public Target account(String account) {
        if (account != null && account.regionMatches(true, 0, POOL_ACCOUNT, 0, POOL_ACCOUNT.length())) {
            return pool(account.substring(POOL_ACCOUNT.length()));
        }
        return resolve(Target.CASE);
    }

    /** What a piece of evidence is about, as far as it says; the case when it names nothing. */
    public Target of(Object fact) {
        if (fact instanceof IisStatusCount c) {
            return on(c.server(), site(c.site()));
        }
        if (fact instanceof HttpErrCount e) {
            Target site = !e.siteId().isEmpty() ? site(e.siteId()) : server();
            // the queue is the pool HTTP.sys handed the request to: it wins over the site's root pool
            Target t = e.queue().isEmpty() ? site
                    : resolve(new Target("", site.siteId(), site.siteName(), "", e.queue()));
            return on(e.server(), t);
        }
        if (fact instanceof FailedRequestTrace t) {
            return resolve(new Target("", siteId("W3SVC" + t.siteId()).orElse(-1L), "", "", t.appPool()));
        }
        if (fact instanceof TracedRewrite r) {
            return resolve(new Target("", siteId("W3SVC" + r.siteId()).orElse(-1L), "", "", ""));
        }
        if (fact instanceof AncmEvent a) {
            return application(a.application());
        }
        if (fact instanceof AspNetWebEvent w) {
            // the application domain names the site and application, the worker's account the pool
            Target app = application(w.applicationDomain());
            Target byAccount = account(w.accountName());
            if (!w.applicationDomain().isEmpty() && app.hasSite()) {
                return resolve(new Target("", app.siteId(), app.siteName(), app.app(), byAccount.appPool()));
            }
            return byAccount.appPool().isEmpty() ? resolve(Target.CASE) : byAccount;
        }
        if (fact instanceof WasEvent w) {
            return w.appPool().isEmpty() ? resolve(Target.CASE) : pool(w.appPool());
        }
        if (fact instanceof ClassicAspError a) {
            return site(a.site());
        }
        if (fact instanceof ApplicationDefinition a) {
            return resolve(new Target("", a.siteId(), a.siteName(), a.path(), a.appPool()));
        }
        if (fact instanceof AppPoolDefinition p) {
            return pool(p.name());
        }
        if (fact instanceof PoolMemoryLimit p) {
            return pool(p.appPool());
        }
        if (fact instanceof SiteDefinition s) {
            return site(s.id());
        }
        if (fact instanceof AppPoolState p) {
            return pool(p.appPool());
        }
        if (fact instanceof SiteState s) {
            return s.id() >= 0 ? site(s.id()) : site(s.site());
        }
        if (fact instanceof SiteLimitsConfig s) {
            return site(s.siteId());
        }
        return resolve(Target.CASE);
    }

    /**
     * Whether a configuration level applies to what a piece of evidence is about: a {@code <location path>}
     * names its site first ("Shop/api" is site Shop); otherwise a web.config collected under a site's
     * folder (config/W3SVC3/ROOT/web.config) belongs to that site, and a level that names no site
     * (applicationHost.config outside any location, a web.config found on its own) applies to every site.
     * When either side's site is unknown, it may apply.
     */
    public boolean configApplies(ConfigFact config, Target to) {
        if (to == null || (to.siteId() < 0 && to.siteName().isEmpty())) {
            return true;
        }
        String path = config.locationPath().strip();
        if (!path.isEmpty() && !path.equals(".")) {
            String site = path.split("/", 2)[0].strip();
            Target located = site(site);
            return located.siteId() >= 0 && to.siteId() >= 0 ? located.siteId() == to.siteId()
                    : site.equalsIgnoreCase(to.siteName()) || to.siteName().isEmpty();
        }
        Matcher folder = SITE_LABEL.matcher(config.configFile());
        if (folder.find()) {
            Target owner = site("W3SVC" + folder.group(1));
            return owner.siteId() < 0 || to.siteId() < 0 || owner.siteId() == to.siteId();
        }
        return true;
    }

    private Target on(String server, Target t) {
        return server == null || server.isEmpty() ? t : new Target(server, t.siteId(), t.siteName(), t.app(), t.appPool());
    }

    /**
     * Fills what other sources know: a site's name from its id (and back), the pool of a site or an
     * application, the only site a pool serves, and in a single-site case the site itself.
     */
    public Target resolve(Target t) {
        long id = t.siteId();
        String name = t.siteName();
        String pool = t.appPool();
        if (id < 0 && !name.isEmpty()) {
            for (Map.Entry<Long, String> e : siteNames.entrySet()) {
                if (e.getValue().equalsIgnoreCase(name)) {
                    id = e.getKey();
                    name = e.getValue();
                    break;
                }
            }
        }
        if (id < 0 && !pool.isEmpty()) {
            Set<Long> served = poolSites.get(pool);
            if (served != null && served.size() == 1) {
                id = served.iterator().next();
            }
        }
        if (id < 0 && name.isEmpty() && (pool.isEmpty() || !poolSites.containsKey(pool))) {
            id = onlySite();
        }
        if (id >= 0 && name.isEmpty()) {
            name = siteNames.getOrDefault(id, "");
        }
        if (pool.isEmpty() && id >= 0) {
            String app = t.app().isEmpty() ? "/" : t.app();
            App a = apps.get(id + "|" + normalizePath(app));
            if (a == null) {
                a = apps.get(id + "|/");
            }
            pool = a == null ? "" : a.pool();
        }
        if (!pool.isEmpty()) {
            // the spelling the configuration uses
            for (String p : pools) {
                if (p.equalsIgnoreCase(pool)) {
                    pool = p;
                    break;
                }
            }
        }
        // the root application "/" is the site itself: one identity, so conclusions about it merge
        return new Target(t.server(), id, name, "/".equals(t.app()) ? "" : t.app(), pool);
    }

    /**
     * The other applications of the target's pool, as "site/path" in order: what a change to the pool (its
     * runtime, identity, bitness) would change as well. Empty when the pool or the configuration is unknown.
     */
    public Set<String> appsSharingPool(Target t) {
        if (t.appPool().isEmpty()) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        for (App a : apps.values()) {
            boolean own = (a.site() == t.siteId() || t.siteId() < 0
                    && siteNames.getOrDefault(a.site(), "").equalsIgnoreCase(t.siteName()))
                    && normalizePath(a.path()).equalsIgnoreCase(normalizePath(t.app().isEmpty() ? "/" : t.app()));
            if (a.pool().equalsIgnoreCase(t.appPool()) && !own) {
                out.add(siteNames.getOrDefault(a.site(), "W3SVC" + a.site()) + a.path());
            }
        }
        return out;
    }

    /** The applications the configuration assigns to a pool, as "site/path" in order. */
    public Set<String> appsOf(String pool) {
        Set<String> out = new TreeSet<>();
        for (App a : apps.values()) {
            if (a.pool().equalsIgnoreCase(pool)) {
                out.add(siteNames.getOrDefault(a.site(), "W3SVC" + a.site()) + a.path());
            }
        }
        return out;
    }
}
