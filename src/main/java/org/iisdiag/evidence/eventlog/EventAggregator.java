package org.iisdiag.evidence.eventlog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.evidence.DotNetHostMessages;
import org.iisdiag.evidence.Redactor;
import org.iisdiag.facts.AncmEvent;
import org.iisdiag.facts.AncmEventKind;
import org.iisdiag.facts.ApplicationCrash;
import org.iisdiag.facts.ApplicationPopup;
import org.iisdiag.facts.AspNetWebEvent;
import org.iisdiag.facts.DotNetRuntimeCrash;
import org.iisdiag.facts.EventTimes;
import org.iisdiag.facts.HttpPlatformEvent;
import org.iisdiag.facts.LogonFailure;
import org.iisdiag.facts.OtherEvent;
import org.iisdiag.facts.SampleLine;
import org.iisdiag.facts.WasEvent;
import org.iisdiag.facts.WcfWebHostEvent;

/**
 * Classifies events and aggregates them into facts by identity. Recognised: ASP.NET Core Module (V1/V2,
 * IIS and IIS Express), HttpPlatformHandler, ASP.NET 1309/1310, 1316 (failure audits) and 1305 (application lifetime), .NET Runtime 1026, Application Error 1000, WAS and IIS
 * worker-process events, WCF's WebHost events ({@link WcfWebHostEvents}); everything else is counted per (channel,
 * provider, id). Text taken into facts is capped ({@link #MAX_FIELD} chars) and URLs and samples have sensitive
 * query values masked.
 *
 * <p>ASP.NET 1309/1310 without rendered text are read from their positional inserts (0-based):
 * 0 event code, 1 event message, 2 event time, 3 event time (UTC), 4 event id, 5 sequence, 6 occurrence,
 * 7 detail code, 8 application domain, 9 trust level, 10 application virtual path, 11 application path,
 * 12 machine name, 13 (empty), 14 process id, 15 process name, 16 account name, 17 exception type,
 * 18 exception message (with the stack), 19 request URL, 20 request path, 21 user host address, 22 user,
 * 23 is authenticated, 24 authentication type, 25 thread account name, 26 thread id, 27 thread account
 * name, 28 is impersonating, 29 stack trace. Application Error 1000: 0 application, 1 its version, 2 its
 * time stamp, 3 module, 4 its version, 5 its time stamp, 6 exception code, 7 fault offset, 8 process id,
 * 9 start time, 10 application path, 11 module path, 12 report id (Server 2022 and Windows 11 name them: AppName,
 * ModuleName, ExceptionCode, FaultingOffset, ProcessId ...). WAS: named inserts (AppPoolID,
 * ProcessID, ExitCode), else 0 pool, 1 process id, 2 exit code.
 */
public final class EventAggregator {
    /** Distinct keys per fact type; beyond it, events are counted as {@link OtherEvent}s. */
    public static final int MAX_KEYS = 200;
    /** Distinct (channel, provider, id) keys for other events; beyond it they fold into "(other)". */
    public static final int MAX_OTHER_KEYS = 500;
    /** The most characters of any message text copied into a fact. */
    public static final int MAX_FIELD = 500;
    static final int MAX_SAMPLE = 240;

    private final Groups<AncmEvent> ancm = new Groups<>(MAX_KEYS);
    private final Groups<HttpPlatformEvent> httpPlatform = new Groups<>(MAX_KEYS);
    private final Groups<AspNetWebEvent> aspNet = new Groups<>(MAX_KEYS);
    private final Groups<DotNetRuntimeCrash> runtime = new Groups<>(MAX_KEYS);
    private final Groups<ApplicationCrash> crashes = new Groups<>(MAX_KEYS);
    private final Groups<ApplicationPopup> popups = new Groups<>(MAX_KEYS);
    private final Groups<WasEvent> was = new Groups<>(MAX_KEYS);
    private final Groups<LogonFailure> logons = new Groups<>(MAX_KEYS);
    private final Groups<WcfWebHostEvent> wcf = new Groups<>(MAX_KEYS);
    private final Groups<OtherEvent> other = new Groups<>(MAX_OTHER_KEYS + 1);
    private long folded;
    private final LocalClock localClock = new LocalClock();
    /** Set once the case tells the local clock's offset: local times are then placed in UTC. */
    private ClockAlignment alignment;

    /** Events counted under a generic key because a cap was reached (for a report note). */
    public long foldedEvents() {
        return folded;
    }

    void add(String file, RawEvent e) {
        String text = e.text().replace("\r\n", "\n").replace('\r', '\n');
        EventTimes t = EventTimes.of(e.time(), e.utc());
        if (e.time() != null && !e.utc()) {
            localClock.local(file, e.time());
        }
        SampleLine sample = new SampleLine(file, e.line(), sampleText(e, text));
        String p = e.provider();
        boolean kept;
        if (isAncm(p)) {
            AncmEvent a = ancm(e, text);
            kept = ancm.add(List.of(p, e.eventId(), a.application(), a.errorCode(), a.processExitCode(), a.exitCode(),
                    cut(a.exception(), 200)), a, t, sample);
        } else if (HttpPlatformEvents.isHttpPlatformHandler(p)) {
            HttpPlatformEvent h = HttpPlatformEvents.parse(e, text);
            kept = httpPlatform.add(List.of(e.eventId(), h.kind(), h.errorCode(), h.neverCreated()), h, t, sample);
        } else if (p.startsWith("ASP.NET") && isAspNetWebEvent(e.eventId())) {
            AspNetWebEvent a = aspNet(e, text);
            if (!e.utc()) {
                localClock.declared(EventCsvParser.parseTime(field(text, "Event time")),
                        EventCsvParser.parseTime(field(text, "Event time (UTC)")));
            }
            // an application lifetime event (1305) is counted by its message ("Application is shutting down. Reason:
            // ..."): each restart has an application domain of its own, and the restarts are what counts
            kept = aspNet.add(List.of(e.eventId(), a.eventCode(), e.eventId() == 1305 ? a.eventMessage() : a.applicationDomain(),
                    a.applicationVirtualPath(), a.exceptionType(), a.requestPath()), a, t, sample);
        } else if (p.equalsIgnoreCase(".NET Runtime") && e.eventId() == 1026) {
            DotNetRuntimeCrash c = runtime(text);
            kept = runtime.add(List.of(c.application(), c.exceptionType(), c.crashingFrame(), c.threadKind()), c, t, sample);
        } else if (p.equalsIgnoreCase("Application Error") && e.eventId() == 1000) {
            ApplicationCrash c = crash(e, text);
            kept = crashes.add(List.of(c.faultingApplication(), c.faultingModule(), c.exceptionCode(), c.faultOffset()),
                    c, t, sample);
        } else if (isPopup(e)) {
            ApplicationPopup a = popup(e, text);
            kept = popups.add(List.of(a.program(), a.message()), a, t, sample);
        } else if (isWas(p) || isW3svc(p)) {
            WasEvent w = was(e, text);
            kept = was.add(List.of(p, e.eventId(), w.appPool(), w.exitCode(), w.detail()), w, t, sample);
        } else if (isLogonFailure(e)) {
            LogonFailure l = logonFailure(e, text);
            kept = logons.add(List.of(l.ntStatus(), l.subStatus(), l.logonType(), l.authenticationPackage(), l.account(),
                    l.workstation(), l.sourceAddress(), l.local()), l, t, sample);
        } else if (WcfWebHostEvents.is(e)) {
            WcfWebHostEvent w = WcfWebHostEvents.read(e, text);
            kept = wcf.add(List.of(p, e.eventId(), w.service(), w.exceptionType(), w.innerType(), cut(w.innerMessage(), 200)),
                    w, t, sample);
        } else {
            kept = false;
        }
        if (!kept) {
            addOther(e, t, sample, isRecognised(e));
        }
        chart(e);
    }

    /**
     * Events per kind and minute for the timeline: the ones the rules read, in UTC (see README); events logged in
     * local time are charted apart and join the chart once the case tells their clock's offset.
     */
    private final java.util.Map<String, org.iisdiag.evidence.Timeline> perKind = new java.util.TreeMap<>();
    private final java.util.Map<String, org.iisdiag.evidence.Timeline> perKindLocal = new java.util.TreeMap<>();

    private void chart(RawEvent e) {
        String p = e.provider();
        String source = isAncm(p) ? "ANCM" : isWas(p) ? "WAS" : isW3svc(p) ? "W3SVC" : p.startsWith("ASP.NET") ? "ASP.NET"
                : isRecognised(e) ? p : "";
        java.util.Map<String, org.iisdiag.evidence.Timeline> kinds = e.utc() ? perKind : perKindLocal;
        if (source.isEmpty() || e.time() == null || kinds.size() >= MAX_CHARTED_KINDS) {
            return;
        }
        kinds.computeIfAbsent(source + " " + e.eventId(), k -> new org.iisdiag.evidence.Timeline())
                .add(e.time().toEpochSecond(java.time.ZoneOffset.UTC), 0);
    }

    /** Kinds of events charted at most: enough for every kind the rules know. */
    static final int MAX_CHARTED_KINDS = 40;

    /** One series per kind of event, by name: "WAS 5002", "ANCM 1011". */
    public List<org.iisdiag.evidence.TimelineSeries> series() {
        java.util.Map<String, org.iisdiag.evidence.Timeline> kinds = new java.util.TreeMap<>(perKind);
        if (alignment != null) {
            perKindLocal.forEach((kind, local) -> {
                org.iisdiag.evidence.Timeline t = local.shifted(-60L * alignment.offsetMinutes());
                kinds.merge(kind, t, (utc, aligned) -> { // a new timeline: perKind's stays as read
                    org.iisdiag.evidence.Timeline both = new org.iisdiag.evidence.Timeline();
                    both.merge(utc);
                    both.merge(aligned);
                    return both;
                });
            });
        }
        List<org.iisdiag.evidence.TimelineSeries> out = new ArrayList<>();
        kinds.entrySet().stream().limit(MAX_CHARTED_KINDS).forEach(k -> out.add(new org.iisdiag.evidence.TimelineSeries(
                "event " + k.getKey(), k.getKey(), "event log", org.iisdiag.evidence.TimelineSeries.ALL, k.getValue())));
        return out;
    }

    /** What the events logged in local time say about their clock. */
    LocalClock localClock() {
        return localClock;
    }

    /** From now on, local times are placed in UTC with this offset (facts and timeline). */
    void align(ClockAlignment alignment) {
        this.alignment = alignment;
    }

    private boolean isRecognised(RawEvent e) {
        String p = e.provider();
        return isAncm(p) || isWas(p) || isW3svc(p) || HttpPlatformEvents.isHttpPlatformHandler(p)
                || (p.startsWith("ASP.NET") && isAspNetWebEvent(e.eventId()))
                || (p.equalsIgnoreCase(".NET Runtime") && e.eventId() == 1026)
                || (p.equalsIgnoreCase("Application Error") && e.eventId() == 1000)
                || isPopup(e) || isLogonFailure(e) || WcfWebHostEvents.is(e);
    }

    /**
     * ASP.NET health monitoring events read: 1309 (request errors), 1310 (errors), 1316 (failure audits: 4009
     * ViewState verification, 4005 forms authentication ...), 1305 (application lifetime).
     */
    static boolean isAspNetWebEvent(int id) {
        return id == 1309 || id == 1310 || id == AUDIT_FAILURE || id == 1305;
    }

    /** ASP.NET's failure audit event: its reason is in the event message, not in an exception section. */
    static final int AUDIT_FAILURE = 1316;
    /** The failure audit's event code for ViewState verification (WebViewStateFailureAuditEvent). */
    static final int VIEWSTATE_FAILURE = 4009;

    // ---- Application Popup 26 ----------------------------------------------------------------------

    private static final Pattern POPUP = Pattern.compile("(?s)^\\s*(?:Application popup:\\s*)?(.{1,300}?)\\s+:\\s+(.+)$");
    private static final Pattern POPUP_PROGRAM = Pattern.compile("^\\s*([^\\\\/:*?\"<>|\\s][^\\\\/:*?\"<>|]{0,200}?\\.exe)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POPUP_DLL = Pattern.compile("\\b([\\w.+-]{1,200}\\.dll) was not found", Pattern.CASE_INSENSITIVE);

    static boolean isPopup(RawEvent e) {
        return e.eventId() == 26 && (e.provider().equalsIgnoreCase("Application Popup")
                || e.provider().equalsIgnoreCase("Microsoft-Windows-Application Popup"));
    }

    /** "Application popup: php-cgi.exe - System Error : The code execution cannot proceed because X.dll was not found. ..." */
    static ApplicationPopup popup(RawEvent e, String text) {
        String caption = e.named("Caption");
        String message = e.named("Message");
        if (caption.isEmpty() || message.isEmpty()) {
            Matcher m = POPUP.matcher(text.strip());
            if (m.matches()) {
                caption = caption.isEmpty() ? m.group(1).strip() : caption;
                message = message.isEmpty() ? m.group(2).strip() : message;
            } else if (message.isEmpty()) {
                message = text.strip();
            }
        }
        message = message.replaceAll("\\s+", " ").strip();
        Matcher p = POPUP_PROGRAM.matcher(caption);
        String program = p.find() ? p.group(1).strip() : "";
        Matcher d = POPUP_DLL.matcher(message);
        String dll = d.find() ? d.group(1) : "";
        return new ApplicationPopup(cut(program, 200), cut(caption, 200), cut(message, 300), cut(dll, 200), 0,
                EventTimes.NONE, List.of());
    }

    // ---- Security 4625 ----------------------------------------------------------------------------

    static boolean isLogonFailure(RawEvent e) {
        return e.eventId() == 4625 && (e.provider().equalsIgnoreCase("Microsoft-Windows-Security-Auditing")
                || e.provider().equalsIgnoreCase("Security"));
    }

    private static String firstNonEmpty(String a, String b) {
        return a.isEmpty() ? b : a;
    }

    private static LogonFailure logonFailure(RawEvent e, String text) {
        String status = firstNonEmpty(e.named("Status"), field(text, "Status")).toLowerCase(java.util.Locale.ROOT);
        String sub = firstNonEmpty(e.named("SubStatus"), field(text, "Sub Status")).toLowerCase(java.util.Locale.ROOT);
        int type = EventXmlParser.parseInt(firstNonEmpty(e.named("LogonType"), field(text, "Logon Type")), 0);
        String pkg = firstNonEmpty(e.named("AuthenticationPackageName"), field(text, "Authentication Package"));
        String user = firstNonEmpty(e.named("TargetUserName"), "");
        String domain = e.named("TargetDomainName");
        String account = user.isEmpty() || user.equals("-") ? "" : (domain.isEmpty() || domain.equals("-") ? "" : domain + "\\") + user;
        String ws = firstNonEmpty(e.named("WorkstationName"), field(text, "Workstation Name"));
        String ip = firstNonEmpty(e.named("IpAddress"), field(text, "Source Network Address"));
        ws = ws.equals("-") ? "" : ws;
        ip = ip.equals("-") ? "" : ip;
        String computer = e.computer();
        int dot = computer.indexOf('.');
        String shortName = dot > 0 ? computer.substring(0, dot) : computer;
        boolean loopback = ip.startsWith("127.") || ip.equals("::1") || ip.equalsIgnoreCase("::ffff:127.0.0.1");
        boolean local = loopback || !ws.isEmpty() && !shortName.isEmpty() && ws.equalsIgnoreCase(shortName);
        return new LogonFailure(cut(status, 20), cut(sub, 20), type, cut(pkg, 40), cut(account, 120), cut(ws, 60), cut(ip, 60),
                cut(computer, 120), local, 0, EventTimes.NONE, List.of());
    }

    private void addOther(RawEvent e, EventTimes t, SampleLine sample, boolean overflow) {
        if (overflow) {
            folded++;
        }
        OtherEvent o = new OtherEvent(e.channel(), e.provider(), e.eventId(), e.level(), 0, t, List.of());
        List<Object> key = List.of(e.channel(), e.provider(), e.eventId());
        if (!other.add(key, o, t, sample)) {
            if (!overflow) {
                folded++;
            }
            key = List.of("", "(other)", 0);
            other.add(key, new OtherEvent("", "(other)", 0, 0, 0, t, List.of()), t, sample);
        }
        // only keys that have a group get a level: this map must not outgrow the groups
        levels.merge(key, e.level(), EventAggregator::moreSevere);
    }

    private final java.util.Map<List<Object>, Integer> levels = new java.util.HashMap<>();

    private static int moreSevere(int a, int b) {
        if (a == 0) {
            return b;
        }
        return b == 0 ? a : Math.min(a, b);
    }

    /** A group's facts, their times placed in UTC when the local clock's offset is known. */
    private <P, F> List<F> finish(Groups<P> groups, Groups.Finisher<P, F> finisher) {
        return groups.facts((p, n, t, s) -> finisher.finish(p, n, alignment == null ? t : alignment.inUtc(t), s));
    }

    /** All facts: ANCM, HttpPlatformHandler, ASP.NET, runtime crashes, application crashes, WAS, other; each most frequent first. */
    public List<Object> facts() {
        List<Object> out = new ArrayList<>();
        out.addAll(finish(ancm, (a, n, t, s) -> new AncmEvent(a.provider(), a.eventId(), a.kind(), a.application(),
                a.physicalRoot(), a.commandLine(), a.errorCode(), a.processExitCode(), a.exitCode(), a.exception(), n, t, s)));
        out.addAll(finish(httpPlatform, (h, n, t, s) -> new HttpPlatformEvent(h.eventId(), h.kind(), h.processId(),
                h.errorCode(), h.neverCreated(), n, t, s)));
        out.addAll(finish(aspNet, (a, n, t, s) -> new AspNetWebEvent(a.eventId(), a.eventCode(), a.eventMessage(),
                a.exceptionType(), a.exceptionMessage(), a.requestUrl(), a.requestPath(), a.applicationVirtualPath(),
                a.applicationDomain(), a.processId(), a.processName(), a.accountName(), a.threadAccountName(),
                a.authenticationType(), a.impersonating(), a.stackTop(), n, t, s)));
        out.addAll(finish(runtime, (c, n, t, s) -> new DotNetRuntimeCrash(c.application(), c.frameworkVersion(),
                c.exceptionType(), c.exceptionInfo(), c.crashingFrame(), c.threadKind(), n, t, s)));
        out.addAll(finish(crashes, (c, n, t, s) -> new ApplicationCrash(c.faultingApplication(), c.faultingModule(),
                c.exceptionCode(), c.faultOffset(), c.processId(), c.moduleVersion(), c.modulePath(), n, t, s)));
        out.addAll(finish(popups, (a, n, t, s) -> new ApplicationPopup(a.program(), a.caption(), a.message(), a.missingDll(),
                n, t, s)));
        out.addAll(finish(was, (w, n, t, s) -> new WasEvent(w.provider(), w.eventId(), w.appPool(), w.processId(),
                w.exitCode(), w.detail(), n, t, s)));
        out.addAll(finish(logons, (l, n, t, s) -> new LogonFailure(l.ntStatus(), l.subStatus(), l.logonType(),
                l.authenticationPackage(), l.account(), l.workstation(), l.sourceAddress(), l.computer(), l.local(), n, t, s)));
        out.addAll(finish(wcf, (w, n, t, s) -> new WcfWebHostEvent(w.source(), w.eventId(), w.service(), w.exceptionType(),
                w.exception(), w.innerType(), w.innerMessage(), w.processId(), n, t, s)));
        out.addAll(finish(other, (o, n, t, s) -> new OtherEvent(o.channel(), o.provider(), o.eventId(),
                levels.getOrDefault(List.<Object>of(o.channel(), o.provider(), o.eventId()), 0), n, t, s)));
        return out;
    }

    // ---- ASP.NET Core Module ------------------------------------------------------------------------

    static boolean isAncm(String p) {
        return p.equals("IIS AspNetCore Module V2") || p.equals("IIS Express AspNetCore Module V2")
                || p.equals("IIS AspNetCore Module") || p.equals("IIS Express AspNetCore Module");
    }

    // every quantifier that could run over the text is bounded: find() on a hostile 32 KB message stays linear
    private static final Pattern APPLICATION = Pattern.compile("[Aa]pplication '([^'\\n]{0,512})'");
    private static final Pattern PHYSICAL_ROOT = Pattern.compile("physical root '([^'\\n]{0,512})'");
    private static final Pattern COMMAND_LINE = Pattern.compile(
            "commandline '(.{0,2000}?)'(?=[ \\t]{0,20}(?:,|at stage|with multiple|but\\b|\\.?[ \\t]{0,20}$))", Pattern.MULTILINE);
    private static final Pattern ERROR_CODE = Pattern.compile(
            "(?:ErrorCode|exception code)\\s*=?\\s*'?(0x[0-9A-Fa-f]+)'?(?:\\s*:\\s*([0-9A-Fa-f]+))?");
    private static final Pattern PROCESS_STATUS = Pattern.compile("processStatus( code)? '([0-9A-Fa-f]+)'");
    private static final Pattern EXIT_CODE = Pattern.compile("exit code = '(-?\\d+)'");
    private static final Pattern EXCEPTION_MESSAGE = Pattern.compile("Exception message:\\s*(.+)");
    private static final Pattern UNHANDLED = Pattern.compile("Unhandled [Ee]xception[.:]\\s*([\\w.`+]+(?:: .*)?)");

    static AncmEvent ancm(RawEvent e, String text) {
        String application = group(APPLICATION, text, 1);
        String root = group(PHYSICAL_ROOT, text, 1);
        String cmd = cut(group(COMMAND_LINE, text, 1), MAX_FIELD);
        String errorCode = "";
        String processExit = "";
        Matcher m = ERROR_CODE.matcher(text);
        if (m.find()) {
            errorCode = m.group(1).toLowerCase(Locale.ROOT);
            processExit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        }
        Matcher ps = PROCESS_STATUS.matcher(text);
        if (processExit.isEmpty() && ps.find()) {
            processExit = ps.group(1) != null ? ps.group(2).toLowerCase(Locale.ROOT)
                    : Long.toHexString(Long.parseLong(ps.group(2)));
        }
        String exitCode = group(EXIT_CODE, text, 1);
        String exception = group(EXCEPTION_MESSAGE, text, 1);
        if (exception.isEmpty()) {
            exception = group(UNHANDLED, text, 1);
        }
        if (exception.isEmpty()) {
            exception = group(DotNetHostMessages.APP_NOT_FOUND, text, 0);
        }
        // Kestrel's bind failure (captured stdout of an out-of-process start) names the port and the socket error
        if (exception.isEmpty()) {
            exception = group(DotNetHostMessages.KESTREL_BIND_FAILED, text, 0).replaceAll("\\s+", " ");
        }
        // Kestrel started but bound the app's own endpoints instead of the module's port
        if (exception.isEmpty()) {
            exception = group(DotNetHostMessages.KESTREL_OVERRIDES_ADDRESSES, text, 0);
        }
        // the host's "dependencies manifest" error names the missing file; it says more than a generic first line
        String deps = group(DotNetHostMessages.DEPS_ASSEMBLY_MISSING, text, 0);
        if (!deps.isEmpty()) {
            exception = deps.replaceAll("\\s+", " ");
        }
        // hostfxr's output in the event ("It was not possible to find any compatible framework version" and,
        // on the next line, which one): the line that names the framework is the one that matters
        String framework = group(DotNetHostMessages.FRAMEWORK_NOT_FOUND, text, 0);
        if (!framework.isEmpty()) {
            exception = framework;
        }
        exception = cut(exception.strip(), MAX_FIELD);
        return new AncmEvent(e.provider(), e.eventId(), ancmKind(e.eventId(), text), application, root, cmd, errorCode,
                processExit, exitCode, exception, 0, EventTimes.NONE, List.of());
    }

    static AncmEventKind ancmKind(int id, String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("could not start stdout redirection") || t.contains("could not create stdoutlogfile")) {
            return AncmEventKind.STDOUT_REDIRECTION_FAILED;
        }
        // every event's data ends with "Description: IIS ASP.NET Core Module V2 Request Handler": success
        // notices and the words "request handler" alone say nothing about a failure
        if (t.contains("started successfully")) {
            return AncmEventKind.OTHER;
        }
        // 1012 also says "recycled after detecting file change in application directory": only the
        // app_offline.htm text is the offline file; "Failed to monitor app_offline.htm" (1024) is not
        if (t.contains("after detecting app_offline.htm")) {
            return AncmEventKind.APP_OFFLINE;
        }
        if (id == 1028 || id == 1029 || t.contains("could not find inprocess request handler")
                || t.contains("could not find 'aspnetcorev2_inprocess.dll'") || t.contains("could not find the assembly")
                || t.contains("failed to load request handler") || t.contains("could not load request handler")) {
            return AncmEventKind.HANDLER_LOAD_FAILURE;
        }
        if (id == 1008 || t.contains("only one in-process application")) {
            return AncmEventKind.DUPLICATED_INPROCESS_APP;
        }
        if (id == 1009 || t.contains("mixed hosting model")) {
            return AncmEventKind.MIXED_HOSTING_MODEL;
        }
        if (t.contains("startup time limit") || t.contains("starttimelimit") || t.contains("didn't initialize after")
                || t.contains("did not initialize after") || t.contains("failed to start within")) {
            return AncmEventKind.STARTUP_TIMEOUT;
        }
        if (id == 1003 || t.contains("rapid fail count")) {
            return AncmEventKind.RAPID_FAIL;
        }
        if (id == 1004 || id == 1034 || t.contains("could not load configuration")) {
            return AncmEventKind.CONFIG_ERROR;
        }
        if (id == 1000 || id == 1020 || t.contains("failed to start process") || t.contains("created process with commandline")) {
            return AncmEventKind.PROCESS_START_FAILURE;
        }
        if (id == 1007 || id == 1010 || id == 1011 || id == 1018 || id == 1031 || id == 1035
                || t.contains("failed to load coreclr") || t.contains("exited from program.main")) {
            return AncmEventKind.INPROCESS_START_FAILURE;
        }
        return AncmEventKind.OTHER;
    }

    // ---- ASP.NET 1309 / 1310 -----------------------------------------------------------------------

    static AspNetWebEvent aspNet(RawEvent e, String text) {
        boolean rendered = e.message() != null && text.contains("Event code:");
        String code;
        String message;
        String exType;
        String exMessage;
        String url;
        String path;
        String vpath;
        String domain;
        String pid;
        String pname;
        String account;
        String threadAccount;
        String authType;
        String impersonating;
        String stack;
        if (rendered) {
            code = field(text, "Event code");
            message = field(text, "Event message");
            exType = field(text, "Exception type");
            String fromMessage = after(text, "Exception message", 16 * MAX_FIELD); // message, stack, inner exceptions
            exMessage = withInner(messageLines(fromMessage), fromMessage);
            url = field(text, "Request URL");
            path = field(text, "Request path");
            vpath = field(text, "Application Virtual Path");
            domain = field(text, "Application domain");
            pid = field(text, "Process ID");
            pname = field(text, "Process name");
            account = field(text, "Account name");
            threadAccount = field(text, "Thread account name");
            authType = field(text, "Authentication Type");
            impersonating = field(text, "Is impersonating");
            stack = stackTop(fromMessage);
        } else {
            code = e.data(0);
            message = e.data(1);
            domain = e.data(8);
            vpath = e.data(10);
            pid = e.data(14);
            pname = e.data(15);
            account = e.data(16);
            exType = e.data(17);
            exMessage = withInner(messageLines(e.data(18)), e.data(18));
            url = e.data(19);
            path = e.data(20);
            threadAccount = e.data(25);
            authType = e.data(24);
            impersonating = e.data(28);
            stack = stackTop(e.data(18));
        }
        if (e.eventId() == AUDIT_FAILURE) {
            // "Event message: Viewstate verification failed. Reason: ..." says what failed; the ViewStateException
            // section under it only adds "Invalid viewstate.". Its inserts after the process's are not the 1309's.
            String detail = rendered ? field(text, "Exception message") : "";
            exType = text.contains("ViewStateException information") || EventXmlParser.parseInt(code, 0) == VIEWSTATE_FAILURE
                    ? "ViewStateException" : "";
            String reason = message == null ? "" : message.strip();
            exMessage = detail == null || detail.isBlank() ? reason : reason + " " + detail.strip();
            if (!rendered) {
                url = "";
                path = "";
                threadAccount = "";
                authType = "";
                impersonating = "";
                stack = "";
            }
        }
        return new AspNetWebEvent(e.eventId(), EventXmlParser.parseInt(code, 0), cut(message, MAX_FIELD), cut(exType, 200),
                cut(exMessage, 2 * MAX_FIELD), cut(Redactor.DEFAULT.redact(url), MAX_FIELD),
                cut(Redactor.DEFAULT.redact(path), MAX_FIELD), cut(vpath, 200),
                cut(AspNetWebEvent.applicationOfDomain(domain), 200), cut(pid, 20), cut(pname, 100),
                cut(account, 200), cut(threadAccount, 200), cut(authType, 40),
                "true".equalsIgnoreCase(impersonating == null ? "" : impersonating.strip()), stack, 0, EventTimes.NONE,
                List.of());
    }

    /**
     * The first frames of the outer exception's stack trace in {@code block} (the text from the exception
     * message on): up to six consecutive "at ..." lines, stripped and joined with a line break, at most 1,000
     * chars; "" without a stack trace. They say where the exception was thrown (Global.Application_Start ...).
     */
    static String stackTop(String block) {
        if (block == null || block.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int frames = 0;
        for (String line : block.split("\\r?\\n", 60)) {
            String t = line.strip();
            if (t.startsWith("at ")) {
                if (b.length() > 0) {
                    b.append('\n');
                }
                b.append(t.length() > 300 ? t.substring(0, 300) : t);
                if (++frames == 6 || b.length() >= 1000) {
                    break;
                }
            } else if (frames > 0) {
                break;
            }
        }
        return cut(b.toString(), 1000);
    }

    /**
     * A field whose value goes on over the next lines (an exception message often has two: "Cannot open
     * database ... The login failed." then "Login failed for user 'X'."), up to its stack trace, a blank
     * line or the next "Name:" field; lines joined with a space.
     */
    static String block(String text, String name) {
        return messageLines(after(text, name, 4 * MAX_FIELD));
    }

    /** Up to {@code chars} of the text after a "Name:" field, or "" without it. */
    static String after(String text, String name, int chars) {
        Matcher m = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(name) + ":[ \\t]*").matcher(text);
        return m.find() ? text.substring(m.end(), Math.min(text.length(), m.end() + chars)) : "";
    }

    /**
     * The outer exception message followed by the messages of its inner exceptions, which ASP.NET writes after
     * the outer stack trace ("Unable to serialize the session state ..." then "Type 'X' ... is not marked as
     * serializable."): each is joined with " ---> " as Exception.ToString() does. {@code block} is the text from
     * the outer message on; the scan ends at the first "Name:" field after a stack trace (the request
     * information) and keeps at most three inner messages.
     */
    static String withInner(String outer, String block) {
        if (outer.isEmpty() || block.isEmpty()) {
            return outer;
        }
        StringBuilder b = new StringBuilder(outer);
        String[] lines = block.split("\\r?\\n", 200);
        boolean stack = false;
        int inner = 0;
        for (int i = 0; i < lines.length && inner < 3; i++) {
            String t = lines[i].strip();
            if (t.startsWith("at ")) {
                stack = true;
            } else if (t.isEmpty() || !stack) {
                continue;
            } else if (FIELD_LINE.matcher(t).matches() || t.endsWith(":")) {
                break;
            } else {
                String m = messageLines(String.join("\n", java.util.Arrays.asList(lines).subList(i, Math.min(lines.length, i + 12))));
                if (!m.isEmpty() && !m.startsWith("---")) {
                    b.append(" ---> ").append(m);
                    inner++;
                }
                stack = false;
            }
        }
        return b.toString();
    }

    /** The first lines of an exception message, stopping at its stack trace, a blank line or a "Name:" field. */
    static String messageLines(String s) {
        StringBuilder b = new StringBuilder();
        for (String line : s.split("\\r?\\n", 12)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("at ") || (b.length() > 0 && FIELD_LINE.matcher(t).matches())) {
                break;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(t);
            if (b.length() >= MAX_FIELD) {
                break;
            }
        }
        return b.toString();
    }

    private static final Pattern FIELD_LINE = Pattern.compile("[A-Z][A-Za-z ()]{2,40}:( .*)?");

    /** The value of a "Name: value" line of rendered text (first occurrence), or "". */
    static String field(String text, String name) {
        // greedy, then stripped: a lazy (.*?) before [ \t]*$ is quadratic on a line of spaces
        Matcher m = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(name) + ":[ \\t]*(.*)$").matcher(text);
        return m.find() ? m.group(1).strip() : "";
    }

    // ---- .NET Runtime 1026 --------------------------------------------------------------------------

    private static final Pattern EXCEPTION_TYPE = Pattern.compile("^([\\w.`+]+)");

    static DotNetRuntimeCrash runtime(String text) {
        String app = field(text, "Application");
        String version = field(text, "Framework Version");
        if (version.isEmpty()) {
            version = field(text, "CoreCLR Version");
        }
        String info = field(text, "Exception Info");
        Matcher t = EXCEPTION_TYPE.matcher(info);
        String type = t.find() ? t.group(1) : "";
        List<String> frames = frames(text);
        return new DotNetRuntimeCrash(cut(app, 200), cut(version, 100), cut(type, 200), cut(info, MAX_FIELD),
                cut(crashingFrame(frames), 300), threadKind(frames), 0, EventTimes.NONE, List.of());
    }

    /** "   at Name.Space.Type.Method(args)" lines of a stack: the method names, top first (at most 200). */
    private static final Pattern FRAME = Pattern.compile("(?m)^[ \\t]*at ([^\\s(]{1,400})\\(");
    /** Namespaces of the runtime and the framework: a frame there is not the application's code. */
    private static final Pattern FRAMEWORK_FRAME = Pattern.compile(
            "^(?:System|Microsoft|MS|Mono|Windows|Internal|Interop|mscorlib|netstandard)[.+]");
    /** An async method's state machine: Type+&lt;Method&gt;d__9.MoveNext is Type.Method. */
    private static final Pattern STATE_MACHINE = Pattern.compile("\\+<([^>]{1,200})>d__\\d+\\.MoveNext$");

    static List<String> frames(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = FRAME.matcher(text);
        while (m.find() && out.size() < 200) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The first frame in the application's code, an async state machine shown as its method; "" when none. */
    static String crashingFrame(List<String> frames) {
        for (String f : frames) {
            if (!FRAMEWORK_FRAME.matcher(f).find()) {
                return STATE_MACHINE.matcher(f).replaceFirst(".$1");
            }
        }
        return "";
    }

    /**
     * Where the exception was thrown when no request was running it: the frame that starts the thread's work
     * (a timer, an async void method's rethrow, a thread-pool work item, a thread of its own) and no frame of
     * the request pipelines (ASP.NET's HttpRuntime/HttpApplication, ASP.NET Core's servers and hosting); "".
     */
    static String threadKind(List<String> frames) {
        String kind = "";
        for (String f : frames) {
            if (f.startsWith("System.Web.HttpRuntime") || f.startsWith("System.Web.HttpApplication")
                    || f.startsWith("System.Web.Hosting.PipelineRuntime") || f.startsWith("Microsoft.AspNetCore.Server.")
                    || f.startsWith("Microsoft.AspNetCore.Hosting.HostingApplication")) {
                return "";
            }
            if (!kind.isEmpty()) {
                continue;
            }
            if (f.contains("<ThrowAsync>")) {
                kind = "async void method";
            } else if (f.startsWith("System.Threading.TimerQueueTimer") || f.startsWith("System.Threading.TimerQueue.")
                    || f.startsWith("System.Threading._TimerCallback") || f.startsWith("System.Threading.TimerCallback")) {
                kind = "timer callback";
            } else if (f.startsWith("System.Threading.ThreadPoolWorkQueue") || f.startsWith("System.Threading._ThreadPoolWaitCallback")
                    || f.startsWith("System.Threading.PortableThreadPool") || f.startsWith("System.Threading.QueueUserWorkItemCallback")) {
                kind = "thread-pool work item";
            } else if (f.startsWith("System.Threading.ThreadHelper") || f.startsWith("System.Threading.Thread.StartCallback")
                    || f.startsWith("System.Threading.Thread.StartCore")) {
                kind = "thread";
            }
        }
        return kind;
    }

    // ---- Application Error 1000 ---------------------------------------------------------------------

    /** "nwImaging64.dll, version: 5.3.1.0, time stamp: ..." of the text form of Application Error 1000. */
    private static final Pattern MODULE_VERSION = Pattern.compile("version:\\s*([0-9][0-9.]{0,38})");

    static ApplicationCrash crash(RawEvent e, String text) {
        String app;
        String module;
        String code;
        String offset;
        String pid;
        String version;
        String path;
        if (text.contains("Faulting application name:")) {
            app = upToComma(field(text, "Faulting application name"));
            String moduleLine = field(text, "Faulting module name");
            module = upToComma(moduleLine);
            Matcher v = MODULE_VERSION.matcher(moduleLine);
            version = v.find() ? v.group(1) : "";
            path = field(text, "Faulting module path");
            code = field(text, "Exception code");
            offset = field(text, "Fault offset");
            pid = field(text, "Faulting process id");
        } else {
            // Windows Server 2022 / Windows 11 name the fields (AppName ... ExceptionCode); older ones give them in order
            app = firstNonEmpty(e.named("AppName"), e.data(0));
            module = firstNonEmpty(e.named("ModuleName"), e.data(3));
            code = firstNonEmpty(e.named("ExceptionCode"), e.data(6));
            offset = firstNonEmpty(e.named("FaultingOffset"), e.data(7));
            pid = firstNonEmpty(e.named("ProcessId"), e.data(8));
            version = firstNonEmpty(e.named("ModuleVersion"), e.data(4));
            path = firstNonEmpty(e.named("ModulePath"), e.data(11));
        }
        return new ApplicationCrash(cut(app, 200), cut(module, 200), hex(code), cut(offset.toLowerCase(Locale.ROOT), 40),
                cut(pid, 20), cut(version.strip(), 40), cut(path.strip(), 260), 0, EventTimes.NONE, List.of());
    }

    private static String upToComma(String s) {
        int c = s.indexOf(',');
        return c < 0 ? s.trim() : s.substring(0, c).trim();
    }

    /** "C0000005" / "0xc0000005" to "0xc0000005"; "" stays "". */
    static String hex(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return "";
        }
        if (t.startsWith("0x")) {
            t = t.substring(2);
        }
        return t.matches("[0-9a-f]{1,16}") ? "0x" + t : cut(s.trim(), 40);
    }

    // ---- WAS and worker-process events --------------------------------------------------------------

    static boolean isWas(String p) {
        return p.equalsIgnoreCase("WAS") || p.equalsIgnoreCase("Microsoft-Windows-WAS");
    }

    static boolean isW3svc(String p) {
        return p.equalsIgnoreCase("W3SVC-WP") || p.equalsIgnoreCase("Microsoft-Windows-IIS-W3SVC-WP")
                || p.equalsIgnoreCase("W3SVC") || p.equalsIgnoreCase("Microsoft-Windows-IIS-W3SVC");
    }

    private static final Pattern POOL = Pattern.compile("[Aa]pplication pool '([^'\\n]{1,256})'|[Aa]pplication pool ([^\\s'.,]{1,256})");
    private static final Pattern PID = Pattern.compile("process id (?:was )?'(\\d+)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern EXIT = Pattern.compile("exit code (?:was )?'(?:0x)?([0-9A-Fa-f]+)'", Pattern.CASE_INSENSITIVE);

    static WasEvent was(RawEvent e, String text) {
        boolean wp = isW3svc(e.provider());
        boolean positional = e.named().keySet().stream().allMatch(EventXmlParser.BINARY::equals) && e.message() == null && !e.data().isEmpty() && !wp;
        String pool = e.named("AppPoolID", "AppPoolId", "AppPool", "ApplicationPool", "AppPoolName");
        String pid = e.named("ProcessID", "ProcessId", "PID");
        String exit = e.named("ExitCode");
        if (pool.isEmpty()) {
            pool = positional ? e.data(0) : poolFrom(text);
        }
        if (pid.isEmpty()) {
            pid = positional ? (e.eventId() == 5002 || e.eventId() == 5021 || e.eventId() == 5057 || e.eventId() == 5059
                    ? "" : e.data(1)) : group(PID, text, 1);
        }
        if (exit.isEmpty()) {
            exit = positional ? (e.eventId() == 5009 ? e.data(2) : "") : group(EXIT, text, 1);
        }
        if (exit.isEmpty() && wp) {
            // "The data is the error.": the worker-process event's binary data, a little-endian DWORD
            exit = dword(e.named(EventXmlParser.BINARY));
        }
        String detail = wp && pool.isEmpty() ? cut(firstLine(text).strip(), 200) : configReadError(e, text);
        return new WasEvent(e.provider(), e.eventId(), cut(pool, 200), cut(pid, 20), hex(exit), detail, 0,
                EventTimes.NONE, List.of());
    }

    /** "C1000780" (the 4 bytes of a little-endian DWORD, as event XML writes binary data) as "800700c1", else "". */
    static String dword(String binary) {
        String b = binary.strip();
        if (!b.matches("[0-9A-Fa-f]{8}")) {
            return "";
        }
        return (b.substring(6, 8) + b.substring(4, 6) + b.substring(2, 4) + b.substring(0, 2)).toLowerCase(java.util.Locale.ROOT);
    }

    /** WAS 5172 and the like: the file, line and parser message WAS gives when it cannot read configuration. */
    private static final Pattern CONFIG_READ = Pattern.compile(
            "configuration data from file '(?:\\\\\\\\\\?\\\\)?([^'\\r\\n]{1,300})', line number '(\\d{1,7})'\\.?\\s{0,5}"
                    + "(?:The error message is: '([^'\\r\\n]{0,300}))?", Pattern.CASE_INSENSITIVE);

    /**
     * For a WAS event that says it could not read a configuration file (5172: "... trying to read configuration data
     * from file '\\?\\C:\\...\\applicationHost.config', line number '95'. The error message is: '...'"), the detail
     * {@code file 'PATH' line N: MESSAGE}; "" for every other event.
     */
    static String configReadError(RawEvent e, String text) {
        if (!isWas(e.provider())) {
            return "";
        }
        Matcher m = CONFIG_READ.matcher(text);
        if (!m.find()) {
            return "";
        }
        String message = m.group(3) == null ? "" : m.group(3).strip();
        return cut("file '" + m.group(1).strip() + "' line " + m.group(2) + (message.isEmpty() ? "" : ": " + message), 400);
    }

    private static final Pattern QUOTED_POOL = Pattern.compile("[Aa]pplication pool '([^'\\n]{1,256})'");

    /**
     * The pool a message names: a quoted name anywhere first ("failed to generate an application pool config file
     * for application pool 'HrPool'" names HrPool, not "config"), else the first unquoted one.
     */
    private static String poolFrom(String text) {
        Matcher q = QUOTED_POOL.matcher(text);
        if (q.find()) {
            return q.group(1);
        }
        Matcher m = POOL.matcher(text);
        if (!m.find()) {
            return "";
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private static String sampleText(RawEvent e, String text) {
        String first = Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty())
                .limit(3).reduce((a, b) -> a + " " + b).orElse("");
        String s = e.provider() + " " + e.eventId() + (first.isEmpty() ? "" : ": " + first);
        return cut(Redactor.DEFAULT.redact(s), MAX_SAMPLE);
    }

    private static String group(Pattern p, String text, int g) {
        Matcher m = p.matcher(text);
        return m.find() && m.group(g) != null ? m.group(g) : "";
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** Redacted first, then cut (a cut can split a secret from the name that marks it). */
    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        s = Redactor.DEFAULT.redact(s);
        return s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }
}
