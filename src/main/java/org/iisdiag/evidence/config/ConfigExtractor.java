package org.iisdiag.evidence.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.Redactor;
import org.iisdiag.facts.AccessConfig;
import org.iisdiag.facts.AspLimitsConfig;
import org.iisdiag.facts.DynamicIpSecurityConfig;
import org.iisdiag.facts.IpSecurityConfig;
import org.iisdiag.facts.IpSecurityEntry;
import org.iisdiag.facts.AppPoolDefinition;
import org.iisdiag.facts.ApplicationDefinition;
import org.iisdiag.facts.AspNetCoreConfig;
import org.iisdiag.facts.HttpPlatformConfig;
import org.iisdiag.facts.IisNodeConfig;
import org.iisdiag.facts.RemovedModule;
import org.iisdiag.facts.BindingRedirect;
import org.iisdiag.facts.CompilationConfig;
import org.iisdiag.facts.MachineKeyConfig;
import org.iisdiag.facts.WatchedFolderFileSetting;
import org.iisdiag.facts.ConfigFact;
import org.iisdiag.facts.CustomErrorsConfig;
import org.iisdiag.facts.DefaultDocumentConfig;
import org.iisdiag.facts.AuthenticationConfig;
import org.iisdiag.facts.DirectoryBrowseConfig;
import org.iisdiag.facts.GlobalModules;
import org.iisdiag.facts.GlobalModule;
import org.iisdiag.facts.AnonymousUserConfig;
import org.iisdiag.facts.FileExtensionsConfig;
import org.iisdiag.facts.VerbsConfig;
import org.iisdiag.facts.WcfBindingConfig;
import org.iisdiag.facts.ProtectedConfigProvider;
import org.iisdiag.facts.SharedConfigRedirection;
import org.iisdiag.facts.VirtualDirectoryConnectAs;
import org.iisdiag.facts.SessionStateConfig;
import org.iisdiag.facts.SqlConnectionTarget;
import org.iisdiag.facts.ConfigSectionsSet;
import org.iisdiag.facts.LockedSections;
import org.iisdiag.facts.WcfHostingConfig;
import org.iisdiag.facts.HandlerAccessPolicy;
import org.iisdiag.facts.FastCgiApplication;
import org.iisdiag.facts.HandlerMapping;
import org.iisdiag.facts.HandlerPaths;
import org.iisdiag.facts.IsapiCgiRestrictionConfig;
import org.iisdiag.facts.ModuleReference;
import org.iisdiag.facts.WebFarmConfig;
import org.iisdiag.facts.FailedRequestTracingRule;
import org.iisdiag.facts.HttpErrorsConfig;
import org.iisdiag.facts.RewriteServerVariablesConfig;
import org.iisdiag.facts.RewriteOutboundRule;
import org.iisdiag.facts.RewriteProxyRule;
import org.iisdiag.facts.RewriteSchemeRedirect;
import org.iisdiag.facts.ProxyConfig;
import org.iisdiag.facts.DenyUrlSequencesConfig;
import org.iisdiag.facts.FilteringRuleConfig;
import org.iisdiag.facts.HttpRuntimeConfig;
import org.iisdiag.facts.RequestLimitsConfig;
import org.iisdiag.facts.HeaderLimitConfig;
import org.iisdiag.facts.ServerRuntimeConfig;
import org.iisdiag.facts.PoolMemoryLimit;
import org.iisdiag.facts.SiteLimitsConfig;
import org.iisdiag.facts.Tristate;
import org.iisdiag.facts.WindowsAuthProviders;
import org.iisdiag.facts.SiteDefinition;

/**
 * Turns the element tree of one configuration file into facts: the sections the article's diagnosis
 * uses, at the file's own level and in every {@code <location>}, plus the sites, applications and
 * application pools of {@code system.applicationHost}. A value that cannot be read is reported as a
 * rejected line ({@code file:line: why}) and its default (or -1) is used.
 */
final class ConfigExtractor {
    private static final Pattern TIME_SPAN = Pattern.compile("(?:(\\d+)\\.)?(\\d{1,3}):(\\d{1,2}):(\\d{1,2})(?:\\.\\d+)?");


    private final String file;
    private final ReadReport report;
    private final boolean applicationHost;
    private final List<ConfigFact> out = new ArrayList<>();

    /** @param applicationHost the file is applicationHost.config (its own handler mappings need no check) */
    ConfigExtractor(String file, ReadReport report, boolean applicationHost) {
        this.file = file;
        this.report = report;
        this.applicationHost = applicationHost;
    }

    /** Facts in document order. */
    List<ConfigFact> extract(XmlElement configuration) {
        level(configuration, "");
        for (XmlElement location : configuration.children("location")) {
            String path = location.attr("path");
            level(location, path == null ? "" : path);
        }
        for (XmlElement host : configuration.children("system.applicationHost")) {
            sites(host.child("sites"));
            pools(host.child("applicationPools"));
        }
        for (XmlElement ws : configuration.children("system.webServer")) {
            for (XmlElement e : sections(ws, "globalModules")) {
                globalModules(e);
            }
            for (XmlElement e : sections(ws, "fastCgi")) {
                fastCgiApplications(e);
            }
        }
        if (applicationHost) {
            serverRuntime(configuration);
            lockedSections(configuration);
        } else {
            sectionsSet(configuration, "");
            for (XmlElement location : configuration.children("location")) {
                sectionsSet(location, orEmpty(location.attr("path")));
            }
        }
        for (XmlElement farms : configuration.children("webFarms")) {
            webFarms(farms);
        }
        for (XmlElement e : sections(configuration, "configurationRedirection")) {
            configurationRedirection(e);
        }
        if (!applicationHost) {
            watchedFolderFiles(configuration, "", "", 0);
        }
        return out;
    }

    /** Attributes that name a file or folder an application writes to (log4net, NLog, trace listeners ...). */
    private static final java.util.Set<String> FILE_ATTRIBUTES = java.util.Set.of("file", "fileName", "filename",
            "initializeData", "value", "logDirectory", "logFile", "directory", "folder", "archiveFileName", "filePath");
    /** A path relative to the application ("bin\x", "~/bin/x", "./bin", NLog's "${basedir}/bin") inside a folder ASP.NET watches. */
    private static final java.util.regex.Pattern WATCHED_FOLDER = java.util.regex.Pattern.compile(
            "^(?:~[\\\\/]|\\.[\\\\/]|\\$\\{(?:basedir|aspnet-appbasepath)\\}[\\\\/]?)?"
                    + "(bin|App_Code|App_GlobalResources|App_LocalResources|App_Browsers|App_WebReferences)(?:[\\\\/]|$)",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    /** Elements whose paths name what the application reads, not what it writes. */
    private static final java.util.Set<String> READ_ONLY_ELEMENTS = java.util.Set.of("probing", "codeBase", "assemblies",
            "buildProviders", "handlers", "modules", "httpHandlers", "httpModules", "compilation", "assemblyBinding");

    /** Settings that make the application write inside bin or an App_ folder (see {@link WatchedFolderFileSetting}). */
    private void watchedFolderFiles(XmlElement e, String path, String location, int depth) {
        if (depth > 12 || out.size() > 2000) {
            return;
        }
        for (XmlElement c : e.children()) {
            if (READ_ONLY_ELEMENTS.contains(c.name())) {
                continue;
            }
            String loc = location;
            String p = path;
            if (depth == 0 && c.name().equals("location")) {
                loc = orEmpty(c.attr("path"));
            } else {
                p = path.isEmpty() ? c.name() : path + "/" + c.name();
            }
            for (String a : FILE_ATTRIBUTES) {
                String v = c.attr(a);
                if (v == null) {
                    continue;
                }
                java.util.regex.Matcher m = WATCHED_FOLDER.matcher(v.strip());
                if (m.find()) {
                    out.add(new WatchedFolderFileSetting(m.group(1), org.iisdiag.evidence.Limits.cut(p, 200), a, org.iisdiag.evidence.Limits.cut(v.strip(), 260), file,
                            loc, List.of(), src(c)));
                }
            }
            watchedFolderFiles(c, p, loc, depth + 1);
        }
    }

    /** The configuration level itself or one {@code <location>}. */
    private void level(XmlElement level, String path) {
        for (XmlElement ws : sections(level, "system.webServer")) {
            for (XmlElement e : sections(ws, "aspNetCore")) {
                aspNetCore(e, path);
            }
            for (XmlElement e : sections(ws, "httpErrors")) {
                httpErrors(e, path);
            }
            XmlElement authentication = ws.path("security", "authentication");
            if (authentication != null) {
                authentication(authentication, path);
            }
            XmlElement access = ws.path("security", "access");
            if (access != null) {
                access(access, path);
            }
            XmlElement security = ws.child("security");
            if (security != null) {
                for (XmlElement e : sections(security, "ipSecurity")) {
                    ipSecurity(e, path);
                }
                for (XmlElement e : sections(security, "dynamicIpSecurity")) {
                    dynamicIpSecurity(e, path);
                }
            }
            XmlElement filtering = ws.path("security", "requestFiltering");
            if (filtering != null) {
                for (XmlElement e : sections(filtering, "requestLimits")) {
                    requestLimits(e, path);
                }
                for (XmlElement e : sections(filtering, "fileExtensions")) {
                    fileExtensions(e, path);
                }
                for (XmlElement e : sections(filtering, "verbs")) {
                    verbs(e, path);
                }
                for (XmlElement e : sections(filtering, "denyUrlSequences")) {
                    denyUrlSequences(e, path);
                }
                for (XmlElement e : sections(filtering, "filteringRules")) {
                    filteringRules(e, path);
                }
            }
            if (security != null) {
                for (XmlElement e : sections(security, "isapiCgiRestriction")) {
                    isapiCgiRestriction(e, path);
                }
            }
            for (XmlElement e : sections(ws, "handlers")) {
                String policy = e.attr("accessPolicy");
                if (policy != null) {
                    out.add(new HandlerAccessPolicy(policy.strip(), level(path), file, path, src(e)));
                }
                handlerPaths(e, path);
            }
            for (XmlElement e : sections(ws, "defaultDocument")) {
                defaultDocument(e, path);
            }
            for (XmlElement e : sections(ws, "rewrite")) {
                rewriteServerVariables(e, path);
                rewriteProxyRules(e, path);
                rewriteSchemeRedirects(e, path);
                rewriteOutboundRules(e, path);
            }
            for (XmlElement e : sections(ws, "proxy")) {
                Values v = new Values("ARR's default");
                out.add(new ProxyConfig(v.bool(e, "enabled", false), v.list(), file, src(e)));
            }
            for (XmlElement e : sections(ws, "iisnode")) {
                Values v = new Values("the iisnode default");
                out.add(new IisNodeConfig(v.text(e, "nodeProcessCommandLine", IisNodeConfig.DEFAULT_COMMAND_LINE),
                        v.bool(e, "loggingEnabled", true), v.text(e, "logDirectory", "iisnode"),
                        v.bool(e, "devErrorsEnabled", true), file, path, v.list(), src(e)));
            }
            for (XmlElement e : sections(ws, "httpPlatform")) {
                httpPlatform(e, path);
            }
            for (XmlElement e : sections(ws, "asp")) {
                Values v = new Values("the IIS default, 4 MB");
                XmlElement limits = e.child("limits");
                out.add(new AspLimitsConfig(v.number(limits, "bufferingLimit", AspLimitsConfig.DEFAULT_BUFFERING_LIMIT),
                        file, path, v.list(), src(limits != null && limits.has("bufferingLimit") ? limits : e)));
            }
            for (XmlElement e : sections(ws, "directoryBrowse")) {
                Values v = new Values("the IIS default");
                out.add(new DirectoryBrowseConfig(v.bool(e, "enabled", false), file, path, v.list(), src(e)));
            }
            if (!applicationHost) {
                moduleReferences(ws, path);
            }
            removedModules(ws, path);
            handlerMappings(ws, path);
            XmlElement tracing = ws.child("tracing");
            if (tracing != null) {
                for (XmlElement rules : sections(tracing, "traceFailedRequests")) {
                    traceFailedRequests(rules, path);
                }
            }
        }
        for (XmlElement e : sections(level, "system.serviceModel")) {
            serviceModel(e, path);
        }
        for (XmlElement e : sections(level, "configProtectedData")) {
            protectedConfigProviders(e, path);
        }
        for (XmlElement e : sections(level, "connectionStrings")) {
            connectionStrings(e, path);
        }
        for (XmlElement runtime : sections(level, "runtime")) {
            for (XmlElement binding : runtime.children("assemblyBinding")) {
                bindingRedirects(binding, path);
            }
        }
        for (XmlElement web : sections(level, "system.web")) {
            for (XmlElement e : sections(web, "machineKey")) {
                machineKey(e, path);
            }
            for (XmlElement e : sections(web, "customErrors")) {
                customErrors(e, path);
            }
            for (XmlElement e : sections(web, "sessionState")) {
                sessionState(e, path);
            }
            for (XmlElement e : sections(web, "httpRuntime")) {
                httpRuntime(e, path);
            }
            for (XmlElement e : sections(web, "compilation")) {
                compilation(e, path);
            }
        }
    }

    /** {@code security/access}: which SSL flags apply, in particular whether clients are asked for a certificate. */
    private void access(XmlElement e, String path) {
        String flags = e.attr("sslFlags");
        String raw = flags == null ? "" : flags.strip();
        boolean negotiate = false;
        boolean require = false;
        for (String f : raw.split("[,\\s]+")) {
            negotiate |= f.equalsIgnoreCase("SslNegotiateCert");
            require |= f.equalsIgnoreCase("SslRequireCert");
        }
        List<String> defaults = flags == null ? List.of("sslFlags=None (absent: the IIS default)") : List.of();
        out.add(new AccessConfig(raw, negotiate, require, file, path, defaults, src(e)));
    }

    /** The sections of this name; a second one in the same place is a configuration error IIS reports as 500.19. */
    private List<XmlElement> sections(XmlElement parent, String name) {
        List<XmlElement> found = parent.children(name);
        if (found.size() > 1) {
            report.note(file + ":" + found.get(1).line() + ": a second <" + name + "> in the same place (first at line "
                    + found.get(0).line() + "); IIS answers 500.19 for a duplicate section. Both are listed.");
        }
        return found;
    }

    private void aspNetCore(XmlElement e, String path) {
        Values v = new Values("the ANCM default");
        String processPath = v.text(e, "processPath", "");
        if (processPath.isEmpty()) {
            report.reject(e.line(), "<aspNetCore> has no processPath (required: ANCM cannot start the app)");
        }
        String arguments = maskArguments(v.text(e, "arguments", ""));
        String model = e.attr("hostingModel");
        String hostingModel;
        if (model == null || model.isBlank()) {
            hostingModel = AspNetCoreConfig.OUT_OF_PROCESS;
            v.defaults.add("hostingModel=OutOfProcess (absent: the ANCM default; the app runs in dotnet.exe behind Kestrel)");
        } else if (model.strip().equalsIgnoreCase(AspNetCoreConfig.IN_PROCESS)) {
            hostingModel = AspNetCoreConfig.IN_PROCESS;
        } else if (model.strip().equalsIgnoreCase(AspNetCoreConfig.OUT_OF_PROCESS)) {
            hostingModel = AspNetCoreConfig.OUT_OF_PROCESS;
        } else {
            hostingModel = model;
            report.reject(e.line(), "<aspNetCore> hostingModel '" + model + "' is neither InProcess nor OutOfProcess");
        }
        boolean stdout = v.bool(e, "stdoutLogEnabled", false);
        String stdoutFile = v.text(e, "stdoutLogFile", "aspnetcore-stdout");
        long startup = v.number(e, "startupTimeLimit", 120);
        String requestTimeout = v.text(e, "requestTimeout", "00:02:00");
        long requestTimeoutSeconds = timeSpan(requestTimeout);
        if (requestTimeoutSeconds < 0) {
            report.reject(e.line(), "<aspNetCore> requestTimeout '" + requestTimeout + "' is not a time span like 00:02:00");
        }

        List<String> names = new ArrayList<>();
        Map<String, String> diagnostic = new TreeMap<>();
        String environment = "";
        XmlElement vars = e.child("environmentVariables");
        for (XmlElement var : vars == null ? List.<XmlElement>of() : vars.children("environmentVariable")) {
            String name = var.attr("name");
            if (name == null) {
                continue;
            }
            names.add(name);
            String value = var.attr("value"); // kept by ConfigXml only for the diagnostic switches
            if (value != null && ConfigXml.diagnosticVariable(name)) {
                diagnostic.put(name, value);
                if (name.equalsIgnoreCase("ASPNETCORE_ENVIRONMENT")) {
                    environment = value;
                }
            }
        }
        String debugLevel = "";
        String debugFile = "";
        XmlElement handler = e.child("handlerSettings");
        for (XmlElement s : handler == null ? List.<XmlElement>of() : handler.children("handlerSetting")) {
            String name = s.attr("name");
            String value = s.attr("value");
            if ("debugLevel".equalsIgnoreCase(name) && value != null) {
                debugLevel = value;
            } else if ("debugFile".equalsIgnoreCase(name) && value != null) {
                debugFile = value;
            }
        }
        if (!debugLevel.isEmpty() && debugFile.isEmpty()) {
            debugFile = "aspnetcore-debug.log";
            v.defaults.add("debugFile=aspnetcore-debug.log (absent: the ANCM default)");
        }
        out.add(new AspNetCoreConfig(processPath, arguments, hostingModel, stdout, stdoutFile, startup, requestTimeout,
                requestTimeoutSeconds, List.copyOf(names), environment, Collections.unmodifiableMap(diagnostic),
                debugLevel, debugFile, file, path, v.list(), src(e)));
    }

    /** {@code <httpPlatform>}: the defaults are HttpPlatformHandler's configuration schema's. */
    private void httpPlatform(XmlElement e, String path) {
        Values v = new Values("the HttpPlatformHandler default");
        String processPath = v.text(e, "processPath", "");
        if (processPath.isEmpty()) {
            report.reject(e.line(), "<httpPlatform> has no processPath (required: HttpPlatformHandler cannot start the process)");
        }
        String arguments = maskArguments(v.text(e, "arguments", ""));
        boolean stdout = v.bool(e, "stdoutLogEnabled", false);
        String stdoutFile = v.text(e, "stdoutLogFile", "httpplatform-stdout");
        long startup = v.number(e, "startupTimeLimit", 10);
        long retries = v.number(e, "startupRetryCount", 10);
        long rapidFails = v.number(e, "rapidFailsPerMinute", 10);
        String requestTimeout = v.text(e, "requestTimeout", "00:02:00");
        long requestTimeoutSeconds = timeSpan(requestTimeout);
        if (requestTimeoutSeconds < 0) {
            report.reject(e.line(), "<httpPlatform> requestTimeout '" + requestTimeout + "' is not a time span like 00:02:00");
        }
        out.add(new HttpPlatformConfig(processPath, arguments, stdout, stdoutFile, startup, retries, rapidFails,
                requestTimeout, requestTimeoutSeconds, file, path, v.list(), src(e)));
    }

    private void httpErrors(XmlElement e, String path) {
        Values v = new Values("the IIS default");
        // Custom error pages IIS runs as a URL inside the failing request: each <error> with
        // responseMode="ExecuteURL", or without a responseMode under defaultResponseMode="ExecuteURL";
        // and the defaultPath when that default applies.
        String defaultMode = e.attr("defaultResponseMode");
        boolean executeByDefault = "ExecuteURL".equalsIgnoreCase(defaultMode);
        List<String> executed = new ArrayList<>();
        for (XmlElement error : e.children("error")) {
            String mode = error.attr("responseMode");
            String page = error.attr("path");
            if (page == null || page.isBlank()) {
                continue;
            }
            if ("ExecuteURL".equalsIgnoreCase(mode) || (mode == null && executeByDefault)) {
                String sub = error.attr("subStatusCode");
                String code = error.attr("statusCode") + (sub == null || sub.equals("-1") ? "" : "." + sub);
                executed.add(page + " (" + code + ")");
            }
        }
        String defaultPath = e.attr("defaultPath");
        if (executeByDefault && defaultPath != null && !defaultPath.isBlank()) {
            executed.add(defaultPath + " (default)");
        }
        out.add(new HttpErrorsConfig(v.text(e, "errorMode", "DetailedLocalOnly"), v.text(e, "existingResponse", "Auto"),
                executed, file, path, v.list(), src(e)));
    }

    /**
     * {@code rewrite}: the server variables its inbound and global rules set, and what its
     * allowedServerVariables list adds (or clears). Only a level that does either becomes a fact.
     */
    private void rewriteServerVariables(XmlElement e, String path) {
        java.util.LinkedHashMap<String, String> set = new java.util.LinkedHashMap<>();
        for (String rules : List.of("rules", "globalRules")) {
            XmlElement r = e.child(rules);
            if (r == null) {
                continue;
            }
            for (XmlElement rule : r.children("rule")) {
                XmlElement vars = rule.child("serverVariables");
                if (vars == null) {
                    continue;
                }
                for (XmlElement v : vars.children("set")) {
                    String name = v.attr("name");
                    if (name != null && !name.isBlank() && set.size() < 50) {
                        set.putIfAbsent(name.strip().toUpperCase(java.util.Locale.ROOT), name.strip());
                    }
                }
            }
        }
        java.util.LinkedHashMap<String, String> allowed = new java.util.LinkedHashMap<>();
        boolean cleared = false;
        XmlElement list = e.child("allowedServerVariables");
        if (list != null) {
            for (XmlElement item : list.children()) {
                String name = item.attr("name");
                switch (item.name()) {
                    case "clear" -> {
                        allowed.clear();
                        cleared = true;
                    }
                    case "add" -> {
                        if (name != null && !name.isBlank() && allowed.size() < 200) {
                            allowed.putIfAbsent(name.strip().toUpperCase(java.util.Locale.ROOT), name.strip());
                        }
                    }
                    case "remove" -> {
                        if (name != null) {
                            allowed.remove(name.strip().toUpperCase(java.util.Locale.ROOT));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        if (set.isEmpty() && allowed.isEmpty() && !cleared && list == null) {
            return;
        }
        out.add(new RewriteServerVariablesConfig(List.copyOf(set.values()), List.copyOf(allowed.values()), cleared,
                file, path, src(e)));
    }

    /**
     * {@code rewrite}: each inbound or global rule whose action rewrites to an absolute URL, which makes URL
     * Rewrite proxy the request through ARR (at most 50 per level).
     */
    private void rewriteProxyRules(XmlElement e, String path) {
        int n = 0;
        for (InboundRule in : inboundRules(e)) {
            String url = in.action().attr("url");
            if (n >= 50 || !in.is("Rewrite") || url == null) {
                continue;
            }
            Matcher m = ABSOLUTE_URL.matcher(url);
            if (!m.find()) {
                continue;
            }
            out.add(new RewriteProxyRule(in.name(), url.strip(), m.group(1), in.global(), file, path, src(in.rule())));
            n++;
        }
    }

    private static final Pattern ABSOLUTE_URL = Pattern.compile("(?i)^\\s*https?://([^/:?#\\s]+)");

    /** Server variables that describe the connection IIS itself received, not the one the browser opened. */
    private static final Pattern OWN_SCHEME = Pattern.compile("(?i)\\{(HTTPS|SERVER_PORT_SECURE|SERVER_PORT)\\}");

    /**
     * {@code rewrite}: each inbound or global rule that redirects to https:// on a condition about the connection
     * IIS received ({HTTPS}, {SERVER_PORT_SECURE}, {SERVER_PORT}) and tests no forwarded-protocol header (at most
     * 50 per level).
     */
    private void rewriteSchemeRedirects(XmlElement e, String path) {
        int n = 0;
        for (InboundRule in : inboundRules(e)) {
            String url = in.action().attr("url");
            if (n >= 50 || !in.is("Redirect") || url == null || !url.strip().toLowerCase(Locale.ROOT).startsWith("https://")) {
                continue;
            }
            String tested = null;
            boolean forwarded = false;
            for (XmlElement c : in.conditions()) {
                String input = String.valueOf(c.attr("input"));
                Matcher m = OWN_SCHEME.matcher(input);
                tested = tested == null && m.find() ? m.group() : tested;
                forwarded |= input.toUpperCase(Locale.ROOT).contains("FORWARDED");
            }
            if (tested == null || forwarded) {
                continue;
            }
            out.add(new RewriteSchemeRedirect(in.name(), tested, url.strip(), in.global(), file, path, src(in.rule())));
            n++;
        }
    }

    /** An enabled inbound or global rewrite rule that has an action. */
    private record InboundRule(XmlElement rule, XmlElement action, boolean global) {
        String name() {
            String name = rule.attr("name");
            return name == null ? "" : name.strip();
        }

        boolean is(String actionType) {
            String type = action.attr("type");
            return type != null && type.strip().equalsIgnoreCase(actionType);
        }

        List<XmlElement> conditions() {
            XmlElement c = rule.child("conditions");
            return c == null ? List.of() : c.children("add");
        }
    }

    /** The enabled rules of {@code rules} then {@code globalRules} that have an action, in document order. */
    private static List<InboundRule> inboundRules(XmlElement e) {
        List<InboundRule> found = new ArrayList<>();
        for (String rules : List.of("rules", "globalRules")) {
            XmlElement r = e.child(rules);
            if (r == null) {
                continue;
            }
            for (XmlElement rule : r.children("rule")) {
                XmlElement action = rule.child("action");
                if (action != null && !"false".equalsIgnoreCase(String.valueOf(rule.attr("enabled")).strip())) {
                    found.add(new InboundRule(rule, action, rules.equals("globalRules")));
                }
            }
        }
        return found;
    }

    /**
     * {@code rewrite/outboundRules}: each enabled rule, its precondition, and whether it matches the body (a
     * {@code match} without {@code serverVariable}) rather than a response header (at most 50 per level).
     */
    private void rewriteOutboundRules(XmlElement e, String path) {
        XmlElement r = e.child("outboundRules");
        if (r == null) {
            return;
        }
        int n = 0;
        for (XmlElement rule : r.children("rule")) {
            if (n >= 50 || "false".equalsIgnoreCase(String.valueOf(rule.attr("enabled")).strip())) {
                continue;
            }
            XmlElement match = rule.child("match");
            String variable = match == null ? null : match.attr("serverVariable");
            String name = rule.attr("name");
            String pre = rule.attr("preCondition");
            out.add(new RewriteOutboundRule(name == null ? "" : name.strip(), pre == null ? "" : pre.strip(),
                    variable == null || variable.isBlank(), file, path, src(rule)));
            n++;
        }
    }

    /** {@code requestFiltering/denyUrlSequences}: what this level adds, removes or clears. */
    private void denyUrlSequences(XmlElement e, String path) {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        boolean cleared = false;
        for (XmlElement item : e.children()) {
            String seq = item.attr("sequence");
            switch (item.name()) {
                case "clear" -> {
                    added.clear();
                    cleared = true;
                }
                case "add" -> {
                    if (seq != null && !seq.isEmpty() && added.size() < 200 && !added.contains(seq)) {
                        added.add(seq);
                    }
                }
                case "remove" -> {
                    if (seq != null && !seq.isEmpty() && removed.size() < 200) {
                        added.remove(seq);
                        removed.add(seq);
                    }
                }
                default -> {
                }
            }
        }
        out.add(new DenyUrlSequencesConfig(added, removed, cleared, file, path, src(e)));
    }

    /**
     * {@code requestFiltering/filteringRules}: each {@code <filteringRule>} of this level (what it scans, its
     * appliesTo extensions and denyStrings, in document order with {@code <clear/>} and {@code <remove>} applied
     * inside each list), and each {@code <remove name>} or {@code <clear/>} of inherited rules. The scan
     * attributes default to false (the IIS schema).
     */
    private void filteringRules(XmlElement e, String path) {
        int n = 0;
        for (XmlElement item : e.children()) {
            if (n++ >= 100) {
                break;
            }
            String name = orEmpty(item.attr("name")).strip();
            switch (item.name()) {
                case "clear" -> out.add(new FilteringRuleConfig("", true, false, false, false, List.of(), List.of(),
                        List.of(), level(path), file, path, src(item)));
                case "remove" -> {
                    if (!name.isEmpty()) {
                        out.add(new FilteringRuleConfig(name, true, false, false, false, List.of(), List.of(),
                                List.of(), level(path), file, path, src(item)));
                    }
                }
                case "add", "filteringRule" -> {
                    Values v = new Values("the IIS default");
                    out.add(new FilteringRuleConfig(name, false, v.bool(item, "scanUrl", false),
                            v.bool(item, "scanQueryString", false), v.bool(item, "scanAllRaw", false),
                            ruleList(item.child("scanHeaders"), "requestHeader"), ruleList(item.child("appliesTo"), "fileExtension"),
                            ruleList(item.child("denyStrings"), "string"), level(path), file, path, src(item)));
                }
                default -> {
                }
            }
        }
    }

    /** The values of one list of a filtering rule ({@code <add attribute>}, {@code <remove>}, {@code <clear/>}). */
    private static List<String> ruleList(XmlElement list, String attribute) {
        List<String> values = new ArrayList<>();
        if (list == null) {
            return values;
        }
        for (XmlElement item : list.children()) {
            String value = orEmpty(item.attr(attribute));
            switch (item.name()) {
                case "clear" -> values.clear();
                case "add" -> {
                    if (!value.isEmpty() && values.size() < 200 && !values.contains(value)) {
                        values.add(value);
                    }
                }
                case "remove" -> values.remove(value);
                default -> {
                }
            }
        }
        return values;
    }

    /** At most this many paths are kept of what one web.config level sets. */
    private static final int MAX_SET_PATHS = 200;

    /** The system.webServer elements (four levels deep) a web.config level sets, for comparing with locked sections. */
    private void sectionsSet(XmlElement level, String path) {
        List<String> paths = new ArrayList<>();
        XmlElement first = null;
        for (XmlElement ws : level.children("system.webServer")) {
            first = first == null ? ws : first;
            elementPaths(ws, "system.webServer", 0, paths);
        }
        if (!paths.isEmpty()) {
            out.add(new ConfigSectionsSet(List.copyOf(paths), file, path, src(first)));
        }
    }

    private static void elementPaths(XmlElement e, String prefix, int depth, List<String> paths) {
        for (XmlElement c : e.children()) {
            String p = prefix + "/" + c.name();
            if (!paths.contains(p) && paths.size() < MAX_SET_PATHS) {
                paths.add(p);
            }
            if (depth < 3) {
                elementPaths(c, p, depth + 1, paths);
            }
        }
    }

    /**
     * applicationHost.config's sections declared {@code overrideModeDefault="Deny"}, less what a {@code <location
     * path="" overrideMode="Allow">} (all sites) hands back.
     */
    private void lockedSections(XmlElement configuration) {
        XmlElement declared = configuration.child("configSections");
        if (declared == null) {
            return;
        }
        List<String> locked = new ArrayList<>();
        declaredLocked(declared, "", locked);
        for (XmlElement location : configuration.children("location")) {
            if (orEmpty(location.attr("path")).isEmpty() && "allow".equalsIgnoreCase(orEmpty(location.attr("overrideMode")))) {
                List<String> allowed = new ArrayList<>();
                elementPaths(location, "", 0, allowed);
                locked.removeIf(sec -> allowed.stream().anyMatch(a -> a.substring(1).equalsIgnoreCase(sec)));
            }
        }
        if (!locked.isEmpty()) {
            out.add(new LockedSections(List.copyOf(locked), file, src(declared)));
        }
    }

    private static void declaredLocked(XmlElement group, String prefix, List<String> locked) {
        for (XmlElement c : group.children()) {
            String name = orEmpty(c.attr("name"));
            if (name.isEmpty()) {
                continue;
            }
            String p = prefix.isEmpty() ? name : prefix + "/" + name;
            if (c.name().equals("sectionGroup")) {
                declaredLocked(c, p, locked);
            } else if (c.name().equals("section") && "deny".equalsIgnoreCase(orEmpty(c.attr("overrideModeDefault")))) {
                locked.add(p);
            }
        }
    }

    /** {@code connectionStrings}: where each entry connects (the reader kept nothing else of the string). */
    private void connectionStrings(XmlElement e, String path) {
        for (XmlElement add : e.children("add")) {
            String server = add.attr("dataSource");
            if (server == null || server.isBlank()) {
                continue; // not a SQL Server string (or no server in it)
            }
            String database = add.attr("database");
            out.add(new SqlConnectionTarget(Objects.requireNonNullElse(add.attr("name"), "").strip(), server.strip(),
                    database == null ? "" : database.strip(), "true".equals(add.attr("integratedSecurity")),
                    file, path, List.of(), src(add)));
        }
    }

    /** {@code configProtectedData/providers}: each declared provider with its RSA key container. */
    private void protectedConfigProviders(XmlElement e, String path) {
        XmlElement providers = e.child("providers");
        if (providers == null) {
            return;
        }
        for (XmlElement add : providers.children("add")) {
            String name = add.attr("name");
            if (name == null || name.isBlank()) {
                continue;
            }
            Values v = new Values("the RSA provider's default");
            out.add(new ProtectedConfigProvider(name.strip(), v.text(add, "keyContainerName", ""),
                    v.bool(add, "useMachineContainer", true), file, path, v.list(), src(add)));
        }
    }

    /** redirection.config's {@code configurationRedirection}: where a shared configuration is read from, and as whom. */
    private void configurationRedirection(XmlElement e) {
        Values v = new Values("the IIS default");
        out.add(new SharedConfigRedirection(v.bool(e, "enabled", false), v.text(e, "path", "").strip(),
                v.text(e, "userName", "").strip(), file, v.list(), src(e)));
    }

    /** {@code sessionState}: the mode and, for SQLServer, where its connection string connects (nothing else of it). */
    private void sessionState(XmlElement e, String path) {
        Values v = new Values("the ASP.NET default");
        out.add(new SessionStateConfig(v.text(e, "mode", "InProc"), orEmpty(e.attr("dataSource")).strip(),
                orEmpty(e.attr("database")).strip(), file, path, v.list(), src(e)));
    }

    private void customErrors(XmlElement e, String path) {
        Values v = new Values("the ASP.NET default");
        out.add(new CustomErrorsConfig(v.text(e, "mode", "RemoteOnly"), file, path, v.list(), src(e)));
    }

    private void httpRuntime(XmlElement e, String path) {
        Values v = new Values("the ASP.NET default");
        String raw = e.attr("executionTimeout");
        long seconds;
        if (raw == null) {
            seconds = HttpRuntimeConfig.DEFAULT_EXECUTION_TIMEOUT;
            v.defaults.add("executionTimeout=110 s (absent: the ASP.NET default, 00:01:50)");
        } else if (raw.strip().matches("\\d{1,12}")) {
            seconds = Long.parseLong(raw.strip());
        } else {
            seconds = timeSpan(raw);
            report.reject(e.line(), "<httpRuntime> executionTimeout '" + raw + "' is not a whole number of seconds"
                    + (seconds >= 0 ? " (read as " + seconds + " s; ASP.NET itself expects seconds and may refuse it)" : ""));
        }
        long maxRequestLengthKb = v.number(e, "maxRequestLength", HttpRuntimeConfig.DEFAULT_MAX_REQUEST_LENGTH_KB);
        out.add(new HttpRuntimeConfig(seconds, maxRequestLengthKb, file, path, v.list(), src(e)));
    }

    /** WCF bindings that carry HTTP: the ones whose maxReceivedMessageSize limits what a .svc accepts. */
    private static final java.util.Set<String> WCF_HTTP_BINDINGS = java.util.Set.of("basichttpbinding", "basichttpsbinding",
            "wshttpbinding", "ws2007httpbinding", "wsdualhttpbinding", "wsfederationhttpbinding",
            "ws2007federationhttpbinding", "webhttpbinding", "nethttpbinding", "nethttpsbinding", "custombinding");

    /**
     * {@code system.serviceModel}: each service endpoint on an HTTP binding with the binding configuration
     * it names (one fact per binding type and name). A file that declares no service gets WCF's default
     * endpoints, which {@code protocolMapping} maps to basicHttpBinding for http and https.
     */
    private void serviceModel(XmlElement sm, String path) {
        serviceHostingEnvironment(sm, path);
        XmlElement bindings = sm.child("bindings");
        XmlElement services = sm.child("services");
        java.util.Set<String> seen = new java.util.HashSet<>();
        boolean declared = false;
        if (services != null) {
            for (XmlElement service : services.children("service")) {
                declared = true;
                for (XmlElement ep : service.children("endpoint")) {
                    String type = orEmpty(ep.attr("binding")).strip();
                    if (!WCF_HTTP_BINDINGS.contains(type.toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    String name = orEmpty(ep.attr("bindingConfiguration")).strip();
                    if (seen.add(type.toLowerCase(Locale.ROOT) + "|" + name)) {
                        wcfBinding(bindings, type, name, orEmpty(ep.attr("contract")).strip(), ep, path);
                    }
                }
            }
        }
        if (!declared) {
            String type = "basicHttpBinding";
            String name = "";
            XmlElement mapping = sm.child("protocolMapping");
            if (mapping != null) {
                for (XmlElement add : mapping.children("add")) {
                    String scheme = orEmpty(add.attr("scheme")).strip();
                    if (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) {
                        type = orEmpty(add.attr("binding")).strip();
                        name = orEmpty(add.attr("bindingConfiguration")).strip();
                        break;
                    }
                }
            }
            if (WCF_HTTP_BINDINGS.contains(type.toLowerCase(Locale.ROOT))) {
                wcfBinding(bindings, type, name, "", sm, path);
            }
        }
    }

    /**
     * {@code serviceHostingEnvironment}: multipleSiteBindingsEnabled and the baseAddressPrefixFilters prefixes. A
     * {@code system.serviceModel} without the element gets WCF's defaults (one base address per scheme).
     */
    private void serviceHostingEnvironment(XmlElement sm, String path) {
        XmlElement e = sm.child("serviceHostingEnvironment");
        Values v = new Values("the WCF default");
        boolean multiple = v.bool(e, "multipleSiteBindingsEnabled", false);
        List<String> prefixes = new ArrayList<>();
        XmlElement filters = e == null ? null : e.child("baseAddressPrefixFilters");
        if (filters != null) {
            for (XmlElement item : filters.children()) {
                String prefix = orEmpty(item.attr("prefix")).strip();
                switch (item.name()) {
                    case "clear" -> prefixes.clear();
                    case "add" -> {
                        if (!prefix.isEmpty() && prefixes.size() < 100) {
                            prefixes.add(prefix);
                        }
                    }
                    case "remove" -> prefixes.removeIf(x -> x.equalsIgnoreCase(prefix));
                    default -> { }
                }
            }
        }
        out.add(new WcfHostingConfig(multiple, List.copyOf(prefixes), file, path, v.list(), src(e != null ? e : sm)));
    }

    private void wcfBinding(XmlElement bindings, String type, String name, String contract, XmlElement endpoint, String path) {
        XmlElement binding = null;
        if (bindings != null) {
            for (XmlElement kind : bindings.children()) {
                if (!kind.name().equalsIgnoreCase(type)) {
                    continue;
                }
                for (XmlElement b : kind.children("binding")) {
                    if (orEmpty(b.attr("name")).strip().equals(name)) {
                        binding = b;
                        break;
                    }
                }
            }
        }
        // a custom binding keeps the quota on its transport element
        XmlElement quota = binding;
        if (binding != null && type.equalsIgnoreCase("customBinding")) {
            quota = binding.child("httpsTransport") != null ? binding.child("httpsTransport") : binding.child("httpTransport");
        }
        Values v = new Values("the WCF default");
        long max = v.number(quota, "maxReceivedMessageSize", WcfBindingConfig.DEFAULT_MAX_RECEIVED_MESSAGE_SIZE);
        String mode = v.text(quota, "transferMode", "Buffered");
        out.add(new WcfBindingConfig(type, name, max, mode, contract, file, path, v.list(),
                src(binding != null ? binding : endpoint)));
    }

    /** {@code runtime/assemblyBinding}: each dependentAssembly's identity and its bindingRedirect, in file order. */
    private void bindingRedirects(XmlElement assemblyBinding, String path) {
        for (XmlElement dependent : assemblyBinding.children("dependentAssembly")) {
            XmlElement identity = dependent.child("assemblyIdentity");
            String name = identity == null ? null : identity.attr("name");
            if (name == null || name.isBlank()) {
                continue;
            }
            for (XmlElement redirect : dependent.children("bindingRedirect")) {
                out.add(new BindingRedirect(name.strip(), orEmpty(identity.attr("publicKeyToken")).strip(),
                        orEmpty(redirect.attr("oldVersion")).strip(), orEmpty(redirect.attr("newVersion")).strip(), file, path,
                        src(redirect)));
            }
        }
    }

    /** {@code system.web/machineKey}: whether each key is generated (ConfigXml keeps nothing else of them). */
    private void machineKey(XmlElement e, String path) {
        Values v = new Values("the ASP.NET default");
        boolean validationGenerated = !ConfigXml.KEY_SET.equals(v.text(e, "validationKey", "AutoGenerate,IsolateApps"));
        boolean decryptionGenerated = !ConfigXml.KEY_SET.equals(v.text(e, "decryptionKey", "AutoGenerate,IsolateApps"));
        out.add(new MachineKeyConfig(validationGenerated, decryptionGenerated, v.text(e, "validation", "HMACSHA256"), file, path,
                v.list(), src(e)));
    }

    private void compilation(XmlElement e, String path) {
        Values v = new Values("the ASP.NET default");
        boolean debug = v.bool(e, "debug", false);
        String target = e.attr("targetFramework");
        out.add(new CompilationConfig(debug, target == null ? "" : target, file, path, v.list(), src(e)));
    }

    /**
     * {@code security/ipSecurity}: whether unlisted addresses are allowed, proxy mode, and the entries in
     * document order ({@code <clear/>} drops those before it, {@code <remove>} the matching one).
     */
    private void ipSecurity(XmlElement e, String path) {
        Values v = new Values("the IIS default");
        boolean allowUnlisted = v.bool(e, "allowUnlisted", true);
        boolean proxyMode = v.bool(e, "enableProxyMode", false);
        String denyAction = e.attr("denyAction");
        List<IpSecurityEntry> entries = new ArrayList<>();
        boolean cleared = false;
        for (XmlElement item : e.children()) {
            String ip = orEmpty(item.attr("ipAddress")).strip();
            String mask = orEmpty(item.attr("subnetMask")).strip();
            String domain = orEmpty(item.attr("domainName")).strip();
            switch (item.name()) {
                case "clear" -> {
                    entries.clear();
                    cleared = true;
                }
                case "add" -> {
                    if ((!ip.isEmpty() || !domain.isEmpty()) && entries.size() < 1000) {
                        String allowed = item.attr("allowed");
                        // allowed is false when absent (the schema default): an entry without it denies
                        entries.add(new IpSecurityEntry(ip, mask, domain, allowed != null && allowed.strip().equalsIgnoreCase("true")));
                    }
                }
                case "remove" -> entries.removeIf(x -> x.ipAddress().equalsIgnoreCase(ip) && x.subnetMask().equalsIgnoreCase(mask)
                        && x.domainName().equalsIgnoreCase(domain));
                default -> { }
            }
        }
        out.add(new IpSecurityConfig(allowUnlisted, proxyMode, denyAction == null ? "" : denyAction.strip(), List.copyOf(entries),
                cleared, file, path, v.list(), src(e)));
    }

    /**
     * {@code security/dynamicIpSecurity}: proxy mode, the deny action and the two thresholds (schema defaults:
     * proxy mode off, both checks off, 5 concurrent requests, 20 requests per 200 ms).
     */
    private void dynamicIpSecurity(XmlElement e, String path) {
        Values v = new Values("the IIS default");
        boolean proxyMode = v.bool(e, "enableProxyMode", false);
        String denyAction = e.attr("denyAction");
        XmlElement concurrent = e.child("denyByConcurrentRequests");
        XmlElement rate = e.child("denyByRequestRate");
        boolean concurrentEnabled = concurrent != null && v.bool(concurrent, "enabled", false);
        long maxConcurrent = concurrent == null ? 5 : v.number(concurrent, "maxConcurrentRequests", 5);
        boolean rateEnabled = rate != null && v.bool(rate, "enabled", false);
        long maxRequests = rate == null ? 20 : v.number(rate, "maxRequests", 20);
        long interval = rate == null ? 200 : v.number(rate, "requestIntervalInMilliseconds", 200);
        out.add(new DynamicIpSecurityConfig(proxyMode, denyAction == null ? "" : denyAction.strip(), concurrentEnabled,
                maxConcurrent, rateEnabled, maxRequests, interval, file, path, v.list(), src(e)));
    }

    /**
     * {@code requestFiltering/fileExtensions}: allowUnlisted and the extensions this level allows, denies or
     * removes (see {@link #allowList}).
     */
    private void fileExtensions(XmlElement e, String path) {
        AllowList l = allowList(e, "fileExtension", x -> x.toLowerCase(Locale.ROOT), 1000);
        out.add(new FileExtensionsConfig(l.allowUnlisted, l.set, l.allowed, l.denied, l.cleared, l.removed, level(path),
                file, path, l.values.list(), src(e)));
    }

    /**
     * {@code requestFiltering/verbs}: allowUnlisted and the verbs this level allows, denies or removes (see
     * {@link #allowList}). Verbs are compared in upper case, as methods are sent.
     */
    private void verbs(XmlElement e, String path) {
        AllowList l = allowList(e, "verb", x -> x.toUpperCase(Locale.ROOT), 200);
        out.add(new VerbsConfig(l.allowUnlisted, l.set, l.allowed, l.denied, l.cleared, l.removed, level(path),
                file, path, l.values.list(), src(e)));
    }

    /** A request filtering list of one level: see {@link #allowList}. */
    private record AllowList(boolean allowUnlisted, boolean set, List<String> allowed, List<String> denied,
                             boolean cleared, List<String> removed, Values values) {
    }

    /**
     * A request filtering list ({@code fileExtensions}, {@code verbs}): allowUnlisted and the entries this level
     * allows, denies or removes, in document order ({@code <clear/>} drops those before it, {@code <remove>}
     * the matching one); at most {@code cap} of each.
     */
    private AllowList allowList(XmlElement e, String keyAttribute, java.util.function.UnaryOperator<String> normal,
                                       int cap) {
        Values v = new Values("the IIS default");
        boolean set = e.has("allowUnlisted");
        boolean allowUnlisted = v.bool(e, "allowUnlisted", true);
        java.util.Map<String, Boolean> entries = new java.util.LinkedHashMap<>();
        List<String> removed = new ArrayList<>();
        boolean cleared = false;
        for (XmlElement item : e.children()) {
            String key = normal.apply(orEmpty(item.attr(keyAttribute)).strip());
            switch (item.name()) {
                case "clear" -> {
                    entries.clear();
                    removed.clear();
                    cleared = true;
                }
                case "add" -> {
                    if (!key.isEmpty() && entries.size() < cap) {
                        String allowed = item.attr("allowed");
                        // allowed is true when absent (the schema default)
                        entries.put(key, allowed == null || !allowed.strip().equalsIgnoreCase("false"));
                    }
                }
                case "remove" -> {
                    if (!key.isEmpty() && entries.remove(key) == null && removed.size() < cap) {
                        removed.add(key);
                    }
                }
                default -> { }
            }
        }
        List<String> allowedList = entries.entrySet().stream().filter(java.util.Map.Entry::getValue).map(java.util.Map.Entry::getKey).toList();
        List<String> deniedList = entries.entrySet().stream().filter(x -> !x.getValue()).map(java.util.Map.Entry::getKey).toList();
        return new AllowList(allowUnlisted, set, allowedList, deniedList, cleared, List.copyOf(removed), v);
    }

    /** {@code security/isapiCgiRestriction}: the not-listed switches and the entries in document order. */
    private void isapiCgiRestriction(XmlElement e, String path) {
        Values v = new Values("the IIS default");
        boolean isapis = v.bool(e, "notListedIsapisAllowed", false);
        boolean cgis = v.bool(e, "notListedCgisAllowed", false);
        List<IsapiCgiRestrictionConfig.Entry> entries = new ArrayList<>();
        for (XmlElement item : e.children()) {
            String p = orEmpty(item.attr("path")).strip();
            switch (item.name()) {
                case "clear" -> entries.clear();
                case "add" -> {
                    if (!p.isEmpty() && entries.size() < 1000) {
                        String allowed = item.attr("allowed");
                        // allowed is false when absent (the schema default)
                        entries.add(new IsapiCgiRestrictionConfig.Entry(p, allowed != null && allowed.strip().equalsIgnoreCase("true"),
                                orEmpty(item.attr("description")).strip(), src(item)));
                    }
                }
                case "remove" -> entries.removeIf(x -> x.path().equalsIgnoreCase(p));
                default -> { }
            }
        }
        out.add(new IsapiCgiRestrictionConfig(isapis, cgis, List.copyOf(entries), file, path, v.list(), src(e)));
    }

    private void requestLimits(XmlElement e, String path) {
        Values v = new Values("the IIS default");
        out.add(new RequestLimitsConfig(v.number(e, "maxAllowedContentLength", RequestLimitsConfig.DEFAULT_MAX_ALLOWED_CONTENT_LENGTH),
                v.number(e, "maxUrl", RequestLimitsConfig.DEFAULT_MAX_URL),
                v.number(e, "maxQueryString", RequestLimitsConfig.DEFAULT_MAX_QUERY_STRING), file, path, v.list(), src(e)));
        for (XmlElement limits : e.children("headerLimits")) {
            headerLimits(limits, path);
        }
    }

    /**
     * {@code requestLimits/headerLimits}: the entries this level leaves in force, in document order ({@code <clear/>}
     * drops those before it, {@code <remove header>} the matching one); at most 200.
     */
    private void headerLimits(XmlElement e, String path) {
        java.util.Map<String, XmlElement> entries = new java.util.LinkedHashMap<>();
        for (XmlElement item : e.children()) {
            String header = orEmpty(item.attr("header")).strip();
            switch (item.name()) {
                case "clear" -> entries.clear();
                case "remove" -> entries.remove(header.toLowerCase(Locale.ROOT));
                case "add" -> {
                    if (!header.isEmpty() && entries.size() < 200) {
                        entries.put(header.toLowerCase(Locale.ROOT), item);
                    }
                }
                default -> { }
            }
        }
        for (XmlElement item : entries.values()) {
            Values v = new Values("the IIS default");
            out.add(new HeaderLimitConfig(orEmpty(item.attr("header")).strip(), v.number(item, "sizeLimit", 0), file, path,
                    v.list(), src(item)));
        }
    }

    /**
     * The server's concurrent request limit: written at the top of applicationHost.config or for a site in
     * one of its {@code <location>} tags; not written at all means IIS's default, which is still a value the
     * case shows (the 503.2 advice then need not ask anyone to look it up).
     */
    private void serverRuntime(XmlElement configuration) {
        boolean atTop = false;
        for (XmlElement ws : configuration.children("system.webServer")) {
            for (XmlElement e : sections(ws, "serverRuntime")) {
                atTop = true;
                serverRuntime(e, "");
            }
        }
        if (!atTop) {
            Values v = new Values("the IIS default");
            v.assumed("appConcurrentRequestLimit", ServerRuntimeConfig.DEFAULT_APP_CONCURRENT_REQUEST_LIMIT);
            out.add(new ServerRuntimeConfig(ServerRuntimeConfig.DEFAULT_APP_CONCURRENT_REQUEST_LIMIT, file, "", v.list(),
                    src(configuration))); // the file as a whole says it, by leaving the section out
        }
        for (XmlElement location : configuration.children("location")) {
            for (XmlElement ws : location.children("system.webServer")) {
                for (XmlElement e : sections(ws, "serverRuntime")) {
                    serverRuntime(e, orEmpty(location.attr("path")));
                }
            }
        }
    }

    private void serverRuntime(XmlElement e, String path) {
        Values v = new Values("the IIS default");
        out.add(new ServerRuntimeConfig(v.number(e, "appConcurrentRequestLimit",
                ServerRuntimeConfig.DEFAULT_APP_CONCURRENT_REQUEST_LIMIT), file, path, v.list(), src(e)));
    }

    private void defaultDocument(XmlElement e, String path) {
        Values v = new Values("the IIS default");
        boolean enabled = v.bool(e, "enabled", true);
        List<String> files = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        boolean cleared = false;
        XmlElement list = e.child("files");
        for (XmlElement f : list == null ? List.<XmlElement>of() : list.children()) {
            switch (f.name()) {
                case "clear" -> {
                    // a <clear/> after some <add>s drops those too: only what follows it counts
                    cleared = true;
                    files.clear();
                }
                case "add" -> {
                    String value = f.attr("value");
                    if (value == null || value.isBlank()) {
                        report.reject(f.line(), "<defaultDocument><files><add> without a value");
                    } else {
                        files.add(value.strip());
                    }
                }
                case "remove" -> {
                    String value = f.attr("value");
                    if (value != null && !value.isBlank()) {
                        removed.add(value.strip());
                        files.removeIf(x -> x.equalsIgnoreCase(value.strip()));
                    }
                }
                default -> {
                    // nothing else belongs in <files>
                }
            }
        }
        out.add(new DefaultDocumentConfig(enabled, List.copyOf(files), cleared, List.copyOf(removed), file, path,
                v.list(), src(e)));
    }

    /**
     * Native modules this web.config needs: handler mappings' {@code modules} lists and {@code <modules><add>}
     * entries without a managed {@code type}.
     */
    /**
     * Sections of system.webServer that exist only once an optional product registered its schema and
     * native module: without it IIS cannot read the section and answers 500.19 with 0x8007000d. (The
     * aspNetCore section comes with its handler mapping, which names the module version itself.)
     */
    private static final java.util.Map<String, String> SECTION_MODULES = java.util.Map.of(
            "rewrite", "RewriteModule",              // URL Rewrite
            "httpPlatform", "httpPlatformHandler");  // HttpPlatformHandler

    private void moduleReferences(XmlElement ws, String path) {
        for (java.util.Map.Entry<String, String> e : new java.util.TreeMap<>(SECTION_MODULES).entrySet()) {
            XmlElement section = ws.child(e.getKey());
            if (section != null) {
                out.add(new ModuleReference(e.getValue(), e.getKey(), e.getKey(), file, path, src(section)));
            }
        }
        XmlElement handlers = ws.child("handlers");
        for (XmlElement h : handlers == null ? List.<XmlElement>of() : handlers.children("add")) {
            String modules = h.attr("modules");
            if (modules == null) {
                continue;
            }
            for (String m : modules.split(",")) {
                if (!m.isBlank()) {
                    out.add(new ModuleReference(m.strip(), "handlers", orEmpty(h.attr("name")), file, path, src(h)));
                }
            }
        }
        XmlElement modules = ws.child("modules");
        for (XmlElement m : modules == null ? List.<XmlElement>of() : modules.children("add")) {
            String name = m.attr("name");
            if (name != null && !name.isBlank() && (m.attr("type") == null || m.attr("type").isBlank())) {
                out.add(new ModuleReference(name.strip(), "modules", name.strip(), file, path, src(m)));
            }
        }
    }

    /** The modules a level takes out of the pipeline; read from every file, a {@code <location>} may remove one too. */
    private void removedModules(XmlElement ws, String path) {
        XmlElement modules = ws.child("modules");
        for (XmlElement m : modules == null ? List.<XmlElement>of() : modules.children("remove")) {
            String name = m.attr("name");
            if (name != null && !name.isBlank()) {
                out.add(new RemovedModule(name.strip(), file, path, src(m)));
            }
        }
    }

    /** The paths every mapping of one handlers section maps, and whether the section clears the list first. */
    private void handlerPaths(XmlElement handlers, String path) {
        List<String> paths = new ArrayList<>();
        for (XmlElement h : handlers.children("add")) {
            String p = orEmpty(h.attr("path")).strip();
            if (!p.isEmpty()) {
                paths.add(p);
            }
        }
        out.add(new HandlerPaths(List.copyOf(paths), handlers.child("clear") != null, level(path), file, path, src(handlers)));
    }

    /**
     * The FastCGI process pools of {@code system.webServer/fastCgi} (an applicationHost.config-only section) with
     * the two time limits IIS puts on a request; environment variables are not read (they may hold secrets).
     */
    private void fastCgiApplications(XmlElement fastCgi) {
        for (XmlElement a : fastCgi.children("application")) {
            Values v = new Values("the IIS default");
            String fullPath = orEmpty(a.attr("fullPath")).strip();
            if (!fullPath.isEmpty()) {
                out.add(new FastCgiApplication(fullPath, orEmpty(a.attr("arguments")).strip(),
                        v.number(a, "activityTimeout", FastCgiApplication.DEFAULT_ACTIVITY_TIMEOUT),
                        v.number(a, "requestTimeout", FastCgiApplication.DEFAULT_REQUEST_TIMEOUT), file, v.list(), src(a)));
            }
        }
    }

    /** Handler mappings that load or start an executable or DLL of their own (a scriptProcessor). */
    private void handlerMappings(XmlElement ws, String path) {
        XmlElement handlers = ws.child("handlers");
        for (XmlElement h : handlers == null ? List.<XmlElement>of() : handlers.children("add")) {
            String processor = orEmpty(h.attr("scriptProcessor")).strip();
            if (!processor.isEmpty()) {
                out.add(new HandlerMapping(orEmpty(h.attr("name")).strip(), orEmpty(h.attr("path")).strip(),
                        orEmpty(h.attr("modules")).strip(), processor, orEmpty(h.attr("preCondition")).strip(), file, path, src(h)));
            }
        }
    }

    /**
     * The authentication methods of system.webServer/security/authentication and the native module each
     * needs: a method enabled in configuration does nothing (IIS answers 401.2) unless its role service
     * registered the module in globalModules.
     */
    private static final java.util.Map<String, String> AUTHENTICATION_MODULES = java.util.Map.of(
            "anonymousAuthentication", "AnonymousAuthenticationModule",
            "windowsAuthentication", "WindowsAuthenticationModule",
            "basicAuthentication", "BasicAuthenticationModule",
            "digestAuthentication", "DigestAuthenticationModule",
            "clientCertificateMappingAuthentication", "CertificateMappingAuthenticationModule",
            "iisClientCertificateMappingAuthentication", "IISCertificateMappingAuthenticationModule");

    /**
     * The order in which IIS merges a level: applicationHost.config itself (0), its {@code <location>}s (1 and
     * one more per path segment), then web.config files (100 and up).
     */
    private int level(String path) {
        String segments = path.equals(".") ? "" : path.strip();
        int depth = segments.isEmpty() ? 0 : 1 + (int) segments.chars().filter(c -> c == '/').count();
        return (applicationHost ? 0 : 100) + depth;
    }

    private void authentication(XmlElement section, String path) {
        int level = level(path);
        for (String method : new java.util.TreeSet<>(AUTHENTICATION_MODULES.keySet())) {
            for (XmlElement e : sections(section, method)) {
                Values v = new Values("the IIS schema default");
                out.add(new AuthenticationConfig(method, v.bool(e, "enabled", false), AUTHENTICATION_MODULES.get(method),
                        level, file, path, v.list(), src(e)));
                String anonymousUser = method.equals("anonymousAuthentication") ? e.attr("userName") : null;
                if (anonymousUser != null) {
                    // the password is never read (secrets are removed before parsing)
                    String logon = e.attr("logonMethod");
                    out.add(new AnonymousUserConfig(anonymousUser.strip(),
                            logon == null ? "ClearText" : logon.strip(), level, file, path,
                            logon == null ? List.of("logonMethod=ClearText (absent: the IIS schema default)") : List.of(), src(e)));
                }
                XmlElement providers = method.equals("windowsAuthentication") ? e.child("providers") : null;
                if (providers != null) {
                    List<String> added = new ArrayList<>();
                    List<String> removed = new ArrayList<>();
                    for (XmlElement p : providers.children("add")) {
                        String value = orEmpty(p.attr("value")).strip();
                        if (!value.isEmpty()) {
                            added.add(value);
                        }
                    }
                    for (XmlElement p : providers.children("remove")) {
                        String value = orEmpty(p.attr("value")).strip();
                        if (!value.isEmpty()) {
                            removed.add(value);
                        }
                    }
                    out.add(new WindowsAuthProviders(providers.child("clear") != null, List.copyOf(added),
                            List.copyOf(removed), level, file, path, src(providers)));
                }
            }
        }
    }

    private void globalModules(XmlElement e) {
        List<String> names = new ArrayList<>();
        for (XmlElement m : e.children("add")) {
            String name = m.attr("name");
            if (name != null && !name.isBlank()) {
                names.add(name.strip());
                out.add(new GlobalModule(name.strip(), orEmpty(m.attr("image")).strip(),
                        orEmpty(m.attr("preCondition")).strip(), file, src(m)));
            }
        }
        out.add(new GlobalModules(List.copyOf(names), file, src(e)));
    }

    private void webFarms(XmlElement farms) {
        XmlElement farmDefaults = farms.child("applicationRequestRouting");
        for (XmlElement farm : farms.children("webFarm")) {
            Values v = new Values("the ARR default");
            String name = orEmpty(farm.attr("name"));
            boolean enabled = v.bool(farm, "enabled", true);
            List<String> servers = new ArrayList<>();
            for (XmlElement server : farm.children("server")) {
                String address = server.attr("address");
                if (address != null && !address.isBlank()) {
                    servers.add(address.strip());
                }
            }
            XmlElement arr = farm.child("applicationRequestRouting");
            XmlElement protocol = child(arr, "protocol");
            long timeout = WebFarmConfig.DEFAULT_TIMEOUT_SECONDS;
            String raw = protocol == null ? null : protocol.attr("timeout");
            if (raw == null) {
                v.defaults.add("protocol timeout=00:00:30 (absent: the ARR default of 30 s)");
            } else {
                timeout = timeSpan(raw);
                if (timeout < 0) {
                    report.reject(protocol.line(), "web farm " + name + " protocol timeout '" + raw
                            + "' is not a time span like 00:00:30");
                }
            }
            XmlElement health = child(arr, "healthCheck");
            String healthUrl = health == null ? "" : orEmpty(health.attr("url"));
            out.add(new WebFarmConfig(name, enabled, List.copyOf(servers), timeout, healthUrl, file, v.list(), src(farm)));
        }
        if (farmDefaults != null && farms.children("webFarm").isEmpty()) {
            report.note(file + ":" + farmDefaults.line() + ": <webFarms> without a <webFarm>");
        }
    }

    private void traceFailedRequests(XmlElement rules, String path) {
        if (!rules.children("remove").isEmpty() || !rules.children("clear").isEmpty()) {
            report.note(file + ":" + rules.line() + ": <traceFailedRequests> has <remove>/<clear>; rules are listed"
                    + " as written in each file, inheritance is not resolved");
        }
        for (XmlElement rule : rules.children("add")) {
            Values v = new Values("the IIS default");
            String rulePath = rule.attr("path");
            if (rulePath == null) {
                report.reject(rule.line(), "Failed Request Tracing rule without the required path attribute");
                rulePath = "";
            }
            XmlElement failure = rule.child("failureDefinitions");
            String statusCodes = failure == null ? null : failure.attr("statusCodes");
            String timeTaken = v.text(failure, "timeTaken", "00:00:00");
            String verbosity = v.text(failure, "verbosity", "Ignore");
            List<FailedRequestTracingRule.TraceArea> areas = new ArrayList<>();
            XmlElement traceAreas = rule.child("traceAreas");
            for (XmlElement a : traceAreas == null ? List.<XmlElement>of() : traceAreas.children("add")) {
                String provider = a.attr("provider");
                String list = a.attr("areas");
                String level = a.attr("verbosity");
                areas.add(new FailedRequestTracingRule.TraceArea(provider == null ? "" : provider, list == null ? "" : list,
                        level == null ? "Verbose" : level));
            }
            out.add(new FailedRequestTracingRule(rulePath, statusCodes == null ? "" : statusCodes, timeTaken, verbosity,
                    List.copyOf(areas), file, path, v.list(), src(rule)));
        }
    }

    private void sites(XmlElement sites) {
        if (sites == null) {
            return;
        }
        XmlElement siteDefaults = sites.child("siteDefaults");
        XmlElement appDefaults = sites.child("applicationDefaults");
        for (XmlElement site : sites.children("site")) {
            Values v = new Values("the IIS default");
            String name = site.attr("name");
            if (name == null) {
                report.reject(site.line(), "<site> without a name");
                name = "";
            }
            long id = v.number(site, "id", -1);
            if (!site.has("id")) {
                report.reject(site.line(), "<site name=\"" + name + "\"> without an id");
            }
            List<String> bindings = new ArrayList<>();
            XmlElement b = site.child("bindings");
            for (XmlElement binding : b == null ? List.<XmlElement>of() : b.children("binding")) {
                bindings.add(orEmpty(binding.attr("protocol")) + "/" + orEmpty(binding.attr("bindingInformation")));
            }
            String logDirectory = v.text(site.child("logFile"), child(siteDefaults, "logFile"), "siteDefaults",
                    "logFile.directory", "directory", "%SystemDrive%\\inetpub\\logs\\LogFiles");
            XmlElement freb = site.child("traceFailedRequestsLogging");
            XmlElement frebDefaults = child(siteDefaults, "traceFailedRequestsLogging");
            boolean frebEnabled = v.bool(freb, frebDefaults, "siteDefaults", "traceFailedRequestsLogging.enabled", "enabled", false);
            String frebDirectory = v.text(freb, frebDefaults, "siteDefaults", "traceFailedRequestsLogging.directory", "directory",
                    "%SystemDrive%\\inetpub\\logs\\FailedReqLogFiles");
            long maxLogFiles = v.number(freb, frebDefaults, "siteDefaults", "traceFailedRequestsLogging.maxLogFiles",
                    "maxLogFiles", 50);
            boolean autoStart = v.bool(site, siteDefaults, "siteDefaults", "serverAutoStart", "serverAutoStart", true);
            out.add(new SiteDefinition(id, name, List.copyOf(bindings), logDirectory, frebEnabled, frebDirectory, maxLogFiles,
                    autoStart, file, v.list(), src(site)));
            siteLimits(site, siteDefaults, id, name);

            XmlElement siteAppDefaults = site.child("applicationDefaults");
            for (XmlElement app : site.children("application")) {
                Values av = new Values("the IIS default");
                String appPath = app.attr("path");
                if (appPath == null) {
                    report.reject(app.line(), "<application> without a path in site \"" + name + "\"");
                    appPath = "";
                }
                String pool = app.attr("applicationPool");
                if (pool == null) {
                    pool = siteAppDefaults == null ? null : siteAppDefaults.attr("applicationPool");
                    if (pool != null) {
                        av.defaults.add("applicationPool=" + pool + " (from the site's applicationDefaults)");
                    }
                }
                if (pool == null) {
                    pool = av.text(null, appDefaults, "sites/applicationDefaults", "applicationPool", "applicationPool",
                            "DefaultAppPool");
                }
                String physicalPath = "";
                for (XmlElement vdir : app.children("virtualDirectory")) {
                    if ("/".equals(vdir.attr("path"))) {
                        physicalPath = orEmpty(vdir.attr("physicalPath"));
                    }
                    connectAs(vdir, name, id, appPath);
                }
                out.add(new ApplicationDefinition(name, id, appPath, pool, physicalPath, file, av.list(), src(app)));
            }
        }
    }

    /** A virtual directory with "Connect as" credentials: its user and logon method, never the password. */
    private void connectAs(XmlElement vdir, String site, long siteId, String appPath) {
        String user = orEmpty(vdir.attr("userName")).strip();
        if (user.isEmpty()) {
            return;
        }
        Values v = new Values("the IIS default");
        out.add(new VirtualDirectoryConnectAs(site, siteId, appPath, orEmpty(vdir.attr("path")),
                orEmpty(vdir.attr("physicalPath")).strip(), user, v.text(vdir, "logonMethod", "ClearText"), file,
                v.list(), src(vdir)));
    }

    /** The site's {@code <limits>}: maxConnections and connectionTimeout, else siteDefaults', else IIS's defaults. */
    private void siteLimits(XmlElement site, XmlElement siteDefaults, long id, String name) {
        Values v = new Values("the IIS default");
        XmlElement own = site.child("limits");
        XmlElement inherited = child(siteDefaults, "limits");
        long max = v.number(own, inherited, "siteDefaults", "limits.maxConnections", "maxConnections",
                SiteLimitsConfig.UNLIMITED_CONNECTIONS);
        String raw = own != null && own.has("connectionTimeout") ? own.attr("connectionTimeout")
                : inherited != null && inherited.has("connectionTimeout") ? inherited.attr("connectionTimeout") : null;
        long timeout;
        if (raw == null) {
            timeout = SiteLimitsConfig.DEFAULT_CONNECTION_TIMEOUT;
            v.assumed("limits.connectionTimeout", "00:02:00");
        } else {
            timeout = timeSpan(raw);
            if (own == null || !own.has("connectionTimeout")) {
                v.defaults.add("limits.connectionTimeout=" + raw + " (from siteDefaults)");
            }
        }
        out.add(new SiteLimitsConfig(id, name, max, timeout, file, v.list(),
                src(own != null ? own : inherited != null && (inherited.has("maxConnections")
                        || inherited.has("connectionTimeout")) ? inherited : site)));
    }

    private void pools(XmlElement pools) {
        if (pools == null) {
            return;
        }
        XmlElement d = pools.child("applicationPoolDefaults");
        String from = "applicationPoolDefaults";
        for (XmlElement pool : pools.children("add")) {
            Values v = new Values("the IIS default");
            String name = pool.attr("name");
            if (name == null) {
                report.reject(pool.line(), "application pool <add> without a name");
                name = "";
            }
            XmlElement model = pool.child("processModel");
            XmlElement modelDefaults = child(d, "processModel");
            String identity = v.text(model, modelDefaults, from, "processModel.identityType", "identityType",
                    "ApplicationPoolIdentity");
            String user = model != null && model.has("userName") ? model.attr("userName")
                    : modelDefaults == null ? null : modelDefaults.attr("userName");
            boolean userSet = user != null && !user.isBlank();
            String runtime = v.text(pool, d, from, "managedRuntimeVersion", "managedRuntimeVersion", "v4.0");
            String pipeline = v.text(pool, d, from, "managedPipelineMode", "managedPipelineMode", "Integrated");
            boolean bit32 = v.bool(pool, d, from, "enable32BitAppOnWin64", "enable32BitAppOnWin64", false);
            long queue = v.number(pool, d, from, "queueLength", "queueLength", 1000);
            boolean rapidFail = v.bool(pool.child("failure"), child(d, "failure"), from, "failure.rapidFailProtection",
                    "rapidFailProtection", true);
            String startMode = v.text(pool, d, from, "startMode", "startMode", "OnDemand");
            boolean autoStart = v.bool(pool, d, from, "autoStart", "autoStart", true);
            // read as written (pool, else applicationPoolDefaults): the IIS default, false, is not listed among the defaults
            XmlElement recycling = pool.child("recycling");
            XmlElement recyclingDefaults = child(d, "recycling");
            String overlap = recycling != null && recycling.has("disallowOverlappingRotation")
                    ? recycling.attr("disallowOverlappingRotation")
                    : recyclingDefaults == null ? null : recyclingDefaults.attr("disallowOverlappingRotation");
            boolean noOverlap = overlap != null && overlap.strip().equalsIgnoreCase("true");
            // read as written (pool, else applicationPoolDefaults); neither: unknown (see AppPoolDefinition)
            String profile = model != null && model.has("loadUserProfile") ? model.attr("loadUserProfile")
                    : modelDefaults == null ? null : modelDefaults.attr("loadUserProfile");
            Tristate loadProfile = profile == null ? Tristate.UNKNOWN
                    : profile.strip().equalsIgnoreCase("true") ? Tristate.YES
                    : profile.strip().equalsIgnoreCase("false") ? Tristate.NO : Tristate.UNKNOWN;
            out.add(new AppPoolDefinition(name, identity, userSet, runtime, pipeline, bit32, queue, rapidFail, startMode,
                    autoStart, noOverlap, loadProfile, file, v.list(), src(pool)));
            memoryLimit(name, child(recycling, "periodicRestart"), child(recyclingDefaults, "periodicRestart"));
        }
    }

    /** The pool's recycling memory limits (periodicRestart privateMemory and memory, KB), when it has any. */
    private void memoryLimit(String pool, XmlElement own, XmlElement inherited) {
        Values v = new Values("the IIS default");
        long privateKb = v.number(own, inherited, "applicationPoolDefaults", "periodicRestart.privateMemory", "privateMemory", 0);
        long virtualKb = v.number(own, inherited, "applicationPoolDefaults", "periodicRestart.memory", "memory", 0);
        if (privateKb > 0 || virtualKb > 0) {
            XmlElement at = own != null && (own.has("privateMemory") || own.has("memory")) ? own : inherited;
            out.add(new PoolMemoryLimit(pool, Math.max(privateKb, 0), Math.max(virtualKb, 0), file, src(at)));
        }
    }

    /**
     * Masks values on a command line that look like secrets: "--password=x", "/ApiKey:x",
     * "ConnectionStrings:Db=..." and the token after a bare "--password".
     */
    static String maskArguments(String arguments) {
        return Redactor.DEFAULT.redact(arguments);
    }

    private static XmlElement child(XmlElement parent, String name) {
        return parent == null ? null : parent.child(name);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private String src(XmlElement e) {
        return file + ":" + e.line();
    }

    /**
     * Seconds of an IIS/.NET time span "[d.]hh:mm:ss[.fff]", or -1.
     */
    static long timeSpan(String text) {
        Matcher m = TIME_SPAN.matcher(text.strip());
        if (!m.matches()) {
            return -1;
        }
        long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        int minutes = Integer.parseInt(m.group(3));
        int seconds = Integer.parseInt(m.group(4));
        if (minutes > 59 || seconds > 59 || days > 100_000) {
            return -1;
        }
        return days * 86_400 + Long.parseLong(m.group(2)) * 3600 + minutes * 60L + seconds;
    }

    /**
     * Reads the values of one fact, remembering each one that was not written on the element itself:
     * inherited from a defaults element, or the schema default.
     */
    private final class Values {
        final List<String> defaults = new ArrayList<>();
        private final String schemaDefault;

        Values(String schemaDefault) {
            this.schemaDefault = schemaDefault;
        }

        List<String> list() {
            return List.copyOf(defaults);
        }

        /** The raw value from {@code own}, else {@code inherited}, else null (nothing recorded). */
        private String raw(XmlElement own, XmlElement inherited, String inheritedFrom, String label, String attr) {
            if (own != null && own.has(attr)) {
                return own.attr(attr);
            }
            if (inherited != null && inherited.has(attr)) {
                String value = inherited.attr(attr);
                defaults.add(label + "=" + value + " (from " + inheritedFrom + ")");
                return value;
            }
            return null;
        }

        private void assumed(String label, Object value) {
            defaults.add(label + "=" + value + " (absent: " + schemaDefault + ")");
        }

        /** The line the value was read from: the element itself, else the defaults element. */
        private long lineOf(XmlElement own, XmlElement inherited, String attr) {
            return own != null && own.has(attr) ? own.line() : inherited != null ? inherited.line() : 0;
        }

        String text(XmlElement own, String attr, String def) {
            return text(own, null, null, attr, attr, def);
        }

        String text(XmlElement own, XmlElement inherited, String from, String label, String attr, String def) {
            String v = raw(own, inherited, from, label, attr);
            if (v != null) {
                return v;
            }
            assumed(label, def.isEmpty() ? "\"\"" : def);
            return def;
        }

        boolean bool(XmlElement own, String attr, boolean def) {
            return bool(own, null, null, attr, attr, def);
        }

        boolean bool(XmlElement own, XmlElement inherited, String from, String label, String attr, boolean def) {
            String v = raw(own, inherited, from, label, attr);
            if (v == null) {
                assumed(label, def);
                return def;
            }
            String s = v.strip().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return s.equals("true");
            }
            report.reject(lineOf(own, inherited, attr), label + " '" + v + "' is not true or false; " + def + " assumed");
            defaults.add(label + "=" + def + " (unreadable '" + v + "')");
            return def;
        }

        long number(XmlElement own, String attr, long def) {
            return number(own, null, null, attr, attr, def);
        }

        long number(XmlElement own, XmlElement inherited, String from, String label, String attr, long def) {
            String v = raw(own, inherited, from, label, attr);
            if (v == null) {
                if (def >= 0) {
                    assumed(label, def);
                }
                return def;
            }
            String s = v.strip();
            if (s.matches("\\d{1,18}")) {
                return Long.parseLong(s);
            }
            report.reject(lineOf(own, inherited, attr), label + " '" + v + "' is not a whole number");
            return -1;
        }
    }
}
