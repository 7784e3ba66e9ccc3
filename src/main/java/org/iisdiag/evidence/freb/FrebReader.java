package org.iisdiag.evidence.freb;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.iisdiag.evidence.CountingInputStream;
import org.iisdiag.evidence.EvidenceReader;
import org.iisdiag.evidence.FactRedaction;
import org.iisdiag.evidence.Limits;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.Redactor;
import org.iisdiag.evidence.xml.SafeXml;
import org.iisdiag.facts.FailedRequestGroup;
import org.iisdiag.facts.FailedRequestTrace;
import org.iisdiag.facts.SampleLine;
import org.iisdiag.facts.TracedRequestHeaders;
import org.iisdiag.facts.TracedRewrite;

/**
 * Reads Failed Request Tracing files ({@code fr000123.xml}) with a hardened StAX parser: a document
 * type declaration is refused outright (FREB files never have one; DTDs carry entity-expansion and
 * external-entity attacks), nothing external is ever fetched, and the {@code xml-stylesheet}
 * instruction pointing at {@code freb.xsl} is ignored. A truncated trace (cut at maxLogFileSizeKB, or
 * simply cut off) keeps what was read and says so.
 *
 * <p>Each file gives one {@link FailedRequestTrace} (the first {@value #MAX_DETAILED_TRACES} in name
 * order; the rest only count in the groups) and every file counts in a {@link FailedRequestGroup}.
 */
public final class FrebReader implements EvidenceReader {
    /** Traces kept in detail per case; further traces are only aggregated. */
    public static final int MAX_DETAILED_TRACES = 200;
    /** Distinct groups kept; beyond, traces fold into a group with module "(other)". */
    public static final int MAX_GROUPS = 500;
    static final int MAX_WARNINGS = 5;
    static final int MAX_SAMPLES = 4;
    static final String OTHER = "(other)";

    private static final Map<String, String> NOTIFICATIONS = Map.ofEntries(
            Map.entry("1", "BEGIN_REQUEST"), Map.entry("2", "AUTHENTICATE_REQUEST"),
            Map.entry("4", "AUTHORIZE_REQUEST"), Map.entry("8", "RESOLVE_REQUEST_CACHE"),
            Map.entry("16", "MAP_REQUEST_HANDLER"), Map.entry("32", "ACQUIRE_REQUEST_STATE"),
            Map.entry("64", "PRE_EXECUTE_REQUEST_HANDLER"), Map.entry("128", "EXECUTE_REQUEST_HANDLER"),
            Map.entry("256", "RELEASE_REQUEST_STATE"), Map.entry("512", "UPDATE_REQUEST_CACHE"),
            Map.entry("1024", "LOG_REQUEST"), Map.entry("2048", "END_REQUEST"),
            Map.entry("536870912", "SEND_RESPONSE"), Map.entry("2147483648", "MAP_PATH"));

    private final Redactor redactor;
    private final List<FailedRequestTrace> traces = new ArrayList<>();
    private final Map<GroupKey, Group> groups = new HashMap<>();
    private long tracesRead;

    public FrebReader() {
        this(Redactor.DEFAULT);
    }

    public FrebReader(Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public void read(String displayName, String siteHint, InputStream in, ReadReport report) throws IOException {
        CountingInputStream counting = new CountingInputStream(in);
        TraceBuilder trace = null;
        long lastLine = 0;
        SafeXml.Input xml = SafeXml.open(counting, Limits.FREB_VALUE_CHARS);
        try {
            XMLStreamReader x = xml.reader();
            Event event = null;
            String section = "";
            Capture capture = null;
            while (x.hasNext()) {
                int type = x.next();
                lastLine = Math.max(lastLine, xml.line());
                switch (type) {
                    case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_DECLARATION,
                            XMLStreamConstants.NOTATION_DECLARATION -> throw refuseDtd(displayName, lastLine);
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                            throw new IOException(displayName + ":" + lastLine + ": refused: entity reference &" + x.getLocalName()
                                    + "; (FREB files use no entities)");
                    case XMLStreamConstants.START_ELEMENT -> {
                        String name = x.getLocalName();
                        if (trace == null) {
                            if (!name.equals("failedRequest")) {
                                throw new IOException("not a Failed Request Tracing file: the root element is <"
                                        + name + ">, not <failedRequest>");
                            }
                            trace = new TraceBuilder(displayName, lastLine, rootAttributes(x));
                        } else if (event == null) {
                            if (name.equals("Event")) {
                                event = new Event(lastLine);
                                section = "";
                            }
                        } else {
                            switch (name) {
                                case "System", "EventData", "RenderingInfo", "ExtendedTracingInfo" -> section = name;
                                case "Level" -> capture = section.equals("System") ? new Capture(Capture.LEVEL, "") : null;
                                case "TimeCreated" -> {
                                    if (section.equals("System")) {
                                        event.time = parseTime(x.getAttributeValue(null, "SystemTime"));
                                    }
                                }
                                case "Data" -> capture = section.equals("EventData")
                                        ? new Capture(Capture.DATA, nonNull(x.getAttributeValue(null, "Name"))) : null;
                                case "Opcode" -> capture = section.equals("RenderingInfo")
                                        ? new Capture(Capture.OPCODE, "") : null;
                                case "Description" -> capture = section.equals("RenderingInfo")
                                        ? new Capture(Capture.DESCRIPTION, nonNull(x.getAttributeValue(null, "Data"))) : null;
                                default -> capture = null;
                            }
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (capture != null) {
                            capture.append(x.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = x.getLocalName();
                        if (event != null) {
                            if (capture != null) {
                                capture.finish(event);
                                capture = null;
                            }
                            if (name.equals("Event")) {
                                trace.accept(event);
                                report.addEntries(1);
                                event = null;
                            } else if (name.equals(section)) {
                                section = "";
                            }
                        }
                    }
                    default -> {
                        // processing instructions (xml-stylesheet), comments: nothing to do, nothing fetched
                    }
                }
            }
            if (event != null && event.name != null) {
                trace.accept(event);
            }
        } catch (XMLStreamException e) {
            long line = xml.line(e);
            String why = SafeXml.message(e);
            if (SafeXml.refused(e)) {
                throw refuseDtd(displayName, line);
            }
            if (trace == null) {
                throw new IOException("not well-formed XML at line " + line + ": " + why);
            }
            trace.truncated = true;
            report.note("the trace is incomplete (cut off or malformed at line " + line + ": " + why
                    + "); the " + trace.events + " events before it are used");
            lastLine = Math.max(lastLine, line);
        } finally {
            report.addLines(lastLine);
            report.addBytes(counting.count());
            xml.noteLimits(report, "freb-value-chars");
            xml.close();
        }
        if (trace == null) {
            throw new IOException("empty file: no <failedRequest> element");
        }
        if (trace.sizeTruncated) {
            report.note("IIS truncated the trace at maxLogFileSizeKB (LOG_FILE_MAX_SIZE_TRUNCATE); later events are missing");
        }
        FailedRequestTrace built = trace.build();
        add(built, trace.headerSizes(built), report);
        TracedRewrite rewrite = trace.rewrite(built);
        if (rewrite != null && rewrites.size() < MAX_DETAILED_TRACES) {
            rewrites.add(rewrite);
        }
    }

    /** The URL Rewrite rewrites the detailed traces recorded. */
    private final List<TracedRewrite> rewrites = new ArrayList<>();

    private static IOException refuseDtd(String file, long line) {
        return new IOException(file + ":" + line + ": " + SafeXml.REFUSED);
    }

    /** The request headers of the detailed traces, sizes only. */
    private final List<TracedRequestHeaders> headerSizes = new ArrayList<>();

    private void add(FailedRequestTrace t, TracedRequestHeaders headers, ReadReport report) {
        tracesRead++;
        if (traces.size() < MAX_DETAILED_TRACES) {
            traces.add(t);
            if (headers != null) {
                headerSizes.add(headers);
            }
        } else {
            report.note("more than " + MAX_DETAILED_TRACES + " traces in the case: this one only counts in the groups");
        }
        GroupKey key = new GroupKey(t.module(), t.notification(), t.status(), t.substatus(), t.errorCode());
        Group g = groups.get(key);
        if (g == null) {
            if (groups.size() >= MAX_GROUPS) {
                // the fold key must not grow with the input: only the status, and only a real one, is kept
                key = new GroupKey(OTHER, "", t.status() >= 100 && t.status() <= 999 ? t.status() : 0, 0, "");
                g = groups.computeIfAbsent(key, k -> new Group(""));
            } else {
                g = new Group(t.errorDescription());
                groups.put(key, g);
            }
        }
        g.add(t);
    }

    /** Traces read in all, detailed or not. */
    public long tracesRead() {
        return tracesRead;
    }

    public List<FailedRequestTrace> traces() {
        return List.copyOf(traces);
    }

    /** Most traces first, ties by status, module, notification and error code. */
    public List<FailedRequestGroup> groups() {
        List<FailedRequestGroup> out = new ArrayList<>();
        groups.forEach((k, g) -> out.add(new FailedRequestGroup(k.module, k.notification, k.status, k.substatus,
                k.errorCode, g.errorDescription, g.count, g.first, g.last, List.copyOf(g.urls), List.copyOf(g.samples))));
        out.sort(Comparator.comparingLong(FailedRequestGroup::count).reversed()
                .thenComparingInt(FailedRequestGroup::status).thenComparingInt(FailedRequestGroup::substatus)
                .thenComparing(FailedRequestGroup::module).thenComparing(FailedRequestGroup::notification)
                .thenComparing(FailedRequestGroup::errorCode));
        return out;
    }

    @Override
    public List<Object> facts() {
        List<Object> facts = new ArrayList<>(traces);
        facts.addAll(headerSizes);
        facts.addAll(rewrites);
        facts.addAll(groups());
        return FactRedaction.redact(facts);
    }

    private static Map<String, String> rootAttributes(XMLStreamReader x) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i < x.getAttributeCount(); i++) {
            a.put(x.getAttributeLocalName(i), x.getAttributeValue(i));
        }
        return a;
    }

    static Instant parseTime(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(s.strip()).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    static int parseInt(String s, int fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static long parseLong(String s, long fallback) {
        if (s == null) {
            return fallback;
        }
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Redacted first, then cut (a cut can split a secret from the name that marks it). */
    static String shorten(String s, int max) {
        String t = Redactor.DEFAULT.redact(s).replaceAll("\\s+", " ").strip();
        return t.length() <= max ? t : t.substring(0, max - 3) + "...";
    }

    /** One {@code <Event>} being read: only the parts the summary needs. */
    static final class Event {
        final long line;
        String name;
        int level = -1;
        Instant time;
        final Map<String, String> data = new LinkedHashMap<>();
        final Map<String, String> rendered = new HashMap<>();

        Event(long line) {
            this.line = line;
        }

        String data(String key) {
            return data.getOrDefault(key, "");
        }

        /** The rendered text when the trace has one, else the raw data. */
        String text(String key) {
            String r = rendered.get(key);
            return r != null && !r.isBlank() ? r.strip() : data(key).strip();
        }

        String notification() {
            String n = text("Notification");
            return NOTIFICATIONS.getOrDefault(n, n);
        }

        String errorHex() {
            String raw = data.get("ErrorCode");
            String hex = HResults.hex(raw);
            return hex.isEmpty() ? HResults.hex(rendered.get("ErrorCode")) : hex;
        }
    }

    /** Text being collected for one leaf element of an event. */
    private static final class Capture {
        static final int LEVEL = 0, DATA = 1, OPCODE = 2, DESCRIPTION = 3;
        final int kind;
        final String key;
        final StringBuilder text = new StringBuilder();

        Capture(int kind, String key) {
            this.kind = kind;
            this.key = key;
        }

        void append(String s) {
            int room = Limits.FREB_VALUE_CHARS - text.length();
            if (room > 0) {
                text.append(s, 0, Math.min(room, s.length()));
            }
        }

        void finish(Event e) {
            String v = text.toString();
            switch (kind) {
                case LEVEL -> e.level = parseInt(v, -1);
                case DATA -> {
                    if (e.data.size() < Limits.EVENT_DATA_ITEMS) {
                        e.data.putIfAbsent(key, v);
                    }
                }
                case OPCODE -> e.name = v.strip();
                default -> {
                    if (e.rendered.size() < Limits.EVENT_DATA_ITEMS) {
                        e.rendered.putIfAbsent(key, v);
                    }
                }
            }
        }
    }

    /** What one trace has shown so far. */
    private final class TraceBuilder {
        final String file;
        final long rootLine;
        final Map<String, String> root;
        final int finalStatus;
        final int finalSubstatus;
        long events;
        boolean truncated;
        boolean sizeTruncated;
        Instant first;
        Event previous;
        FailedRequestTrace.Gap gap;
        Event key;
        String handler = "";
        String executeModule = "";
        String requestUrl = "";
        String backend = "";
        Event routed;
        final List<String> arrErrors = new ArrayList<>();
        final List<String> ancmFailures = new ArrayList<>();
        Event ancmEvent;
        long bytesSent = -1;
        int endStatus = -1;
        int endSubstatus = -1;
        final List<String> warnings = new ArrayList<>();
        int warningCount;
        /** Request header name -> longest value length (GENERAL_REQUEST_HEADERS), in the order sent. */
        final Map<String, Long> requestHeaders = new java.util.LinkedHashMap<>();
        /** URL Rewrite: the rule being evaluated, the rule and substitution of the last rewrite, the first URL change. */
        String ruleEvaluated = "";
        String rewriteRule = "";
        String rewriteSubstitution = "";
        Event urlChanged;
        boolean requestHeadersCut;
        long headersLine;

        TraceBuilder(String file, long rootLine, Map<String, String> root) {
            this.file = file;
            this.rootLine = rootLine;
            this.root = root;
            String code = root.getOrDefault("statusCode", "").strip();
            int dot = code.indexOf('.');
            this.finalStatus = parseInt(dot < 0 ? code : code.substring(0, dot), -1);
            this.finalSubstatus = dot < 0 ? (finalStatus < 0 ? -1 : 0) : parseInt(code.substring(dot + 1), 0);
        }

        void accept(Event e) {
            events++;
            if (e.time != null) {
                if (first == null) {
                    first = e.time;
                }
                if (previous != null) {
                    long ms = e.time.toEpochMilli() - previous.time.toEpochMilli();
                    if (gap == null || ms > gap.millis()) {
                        gap = new FailedRequestTrace.Gap(ms, previous.name, previous.line, e.name, e.line);
                    }
                }
                previous = e;
            }
            String name = e.name == null ? "" : e.name;
            boolean keyCandidate = false;
            switch (name) {
                case "MODULE_SET_RESPONSE_ERROR_STATUS" -> {
                    int status = parseInt(e.data("HttpStatus"), -1);
                    if (key == null && (finalStatus < 0 || status == finalStatus)) {
                        key = e;
                        keyCandidate = true;
                    }
                }
                case "HANDLER_CHANGED" -> {
                    String h = e.text("NewHandlerName");
                    if (!h.isEmpty()) {
                        handler = h;
                    }
                }
                case "NOTIFY_MODULE_START" -> {
                    if (executeModule.isEmpty() && e.notification().equals("EXECUTE_REQUEST_HANDLER")) {
                        executeModule = e.text("ModuleName");
                    }
                }
                case "GENERAL_REQUEST_HEADERS" -> {
                    if (requestHeaders.isEmpty()) {
                        headersLine = e.line;
                        String h = e.data("Headers");
                        measureHeaders(h, requestHeaders);
                        requestHeadersCut = h.length() >= Limits.FREB_VALUE_CHARS;
                    }
                }
                case "GENERAL_REQUEST_START" -> {
                    if (requestUrl.isEmpty()) {
                        requestUrl = e.text("RequestURL");
                    }
                }
                case "GENERAL_REQUEST_END" -> {
                    bytesSent = parseLong(e.data("BytesSent"), bytesSent);
                    endStatus = parseInt(e.data("HttpStatus"), endStatus);
                    endSubstatus = parseInt(e.data("HttpSubStatus"), endSubstatus);
                }
                case "ARR_SERVER_ROUTED" -> {
                    if (backend.isEmpty()) {
                        backend = e.text("Server");
                        routed = e;
                    }
                }
                case "RULE_EVALUATION_START" -> ruleEvaluated = e.text("RuleName");
                case "REWRITE_ACTION" -> {
                    if (urlChanged == null) {
                        rewriteRule = ruleEvaluated;
                        rewriteSubstitution = e.text("Substitution");
                    }
                }
                case "URL_CHANGED" -> {
                    if (urlChanged == null && !e.text("NewUrl").isEmpty()) {
                        urlChanged = e;
                    }
                }
                case "LOG_FILE_MAX_SIZE_TRUNCATE" -> {
                    truncated = true;
                    sizeTruncated = true;
                }
                default -> {
                    if (name.startsWith("ANCM_") && (name.endsWith("_FAIL") || name.equals("ANCM_HRESULT_FAILED")
                            || (e.level >= 1 && e.level <= 3))) {
                        addLimited(ancmFailures, name + ": " + detail(e));
                        if (ancmEvent == null) {
                            ancmEvent = e;
                        }
                    } else if (name.startsWith("ARR_") && ((e.level >= 1 && e.level <= 3) || hasError(e))) {
                        addLimited(arrErrors, name + ": " + detail(e));
                    }
                }
            }
            if (key == null && !keyCandidate && e.level >= 1 && e.level <= 3) {
                warningCount++;
                if (warnings.size() < MAX_WARNINGS) {
                    String d = detail(e);
                    warnings.add(name.isEmpty() ? "(unnamed event)" : name + (d.isEmpty() ? "" : " (" + d + ")"));
                }
            }
        }

        private static boolean hasError(Event e) {
            Long v = HResults.value(e.data.get("ErrorCode"));
            return v != null && v != 0;
        }

        private void addLimited(List<String> list, String s) {
            if (list.size() < 3 && !list.contains(s)) {
                list.add(s);
            }
        }

        /** Key=value pairs of an event, without bulky or identifying data, redacted and short. */
        String detail(Event e) {
            return detail(e, 5);
        }

        String detail(Event e, int max) {
            List<String> parts = new ArrayList<>();
            for (String k : e.data.keySet()) {
                if (k.equals("ContextId") || k.equals("Headers") || k.equals("Buffer") || k.equals("ConfigExceptionInfo")
                        && e.data(k).isBlank()) {
                    continue;
                }
                String v = k.equals("ErrorCode") ? errorText(e) : k.equals("Notification") ? e.notification() : e.text(k);
                if (v.isEmpty()) {
                    continue;
                }
                // an ANCM failure description is the whole diagnosis; other values stay short
                parts.add(k + "=" + shorten(redactor.redact(v), k.equals("FailureDescription") ? 400 : 120));
                if (parts.size() == max) {
                    break;
                }
            }
            return String.join(", ", parts);
        }

        private String errorText(Event e) {
            String hex = e.errorHex();
            String d = HResults.describe(e.rendered.get("ErrorCode"), hex);
            return d.isEmpty() ? hex : d + " (" + hex + ")";
        }

        private SampleLine sample(Event e, String extra) {
            StringBuilder b = new StringBuilder(e.name == null ? "(event)" : e.name);
            String d = detail(e, 8);
            if (!d.isEmpty()) {
                b.append(' ').append(d);
            }
            if (!extra.isEmpty()) {
                b.append(' ').append(extra);
            }
            return new SampleLine(file, e.line, b.toString());
        }

        /** The URL Rewrite rewrite this trace shows (URL_CHANGED), or null when the URL never changed. */
        TracedRewrite rewrite(FailedRequestTrace t) {
            if (urlChanged == null) {
                return null;
            }
            String from = shorten(redactor.redact(urlChanged.text("OldUrl")), 300);
            String to = shorten(redactor.redact(urlChanged.text("NewUrl")), 300);
            List<SampleLine> s = new ArrayList<>();
            s.add(new SampleLine(file, urlChanged.line, "URL_CHANGED OldUrl=" + from + " NewUrl=" + to
                    + (rewriteRule.isEmpty() ? "" : " (rule '" + shorten(rewriteRule, 120) + "', action url "
                    + shorten(rewriteSubstitution, 200) + ")")));
            if (key != null) {
                s.add(sample(key, ""));
            }
            return new TracedRewrite(file, t.url(), t.siteId(), t.status(), t.substatus(), t.time(),
                    shorten(rewriteRule, 200), shorten(rewriteSubstitution, 300), from, to,
                    key == null ? "" : key.text("ModuleName"), t.errorCode(), List.copyOf(s));
        }

        /** The request headers this trace shows, sizes only, or null when it has none. */
        TracedRequestHeaders headerSizes(FailedRequestTrace t) {
            if (requestHeaders.isEmpty()) {
                return null;
            }
            List<TracedRequestHeaders.Header> list = new ArrayList<>();
            StringBuilder b = new StringBuilder("GENERAL_REQUEST_HEADERS value lengths:");
            requestHeaders.forEach((n, len) -> {
                list.add(new TracedRequestHeaders.Header(n, len));
                if (b.length() < 400) {
                    b.append(' ').append(n).append('=').append(len);
                }
            });
            if (requestHeadersCut) {
                b.append(" (cut at ").append(Limits.FREB_VALUE_CHARS).append(" characters)");
            }
            return new TracedRequestHeaders(file, t.url(), t.siteId(), t.status(), t.substatus(), t.time(), List.copyOf(list),
                    requestHeadersCut, List.of(new SampleLine(file, headersLine, b.toString())));
        }

        FailedRequestTrace build() {
            int status = finalStatus;
            int substatus = finalSubstatus;
            if (status < 0) {
                status = Math.max(endStatus, 0);
                substatus = Math.max(endSubstatus, 0);
            }
            String url = root.getOrDefault("url", "");
            if (url.isEmpty()) {
                url = requestUrl;
            }
            url = redactor.redact(url.strip());
            String module = "";
            String notification = "";
            String errorCode = "";
            String errorDescription = "";
            String configInfo = "";
            String configFile = "";
            int configLine = 0;
            List<SampleLine> samples = new ArrayList<>();
            samples.add(new SampleLine(file, rootLine, "failedRequest statusCode=" + root.getOrDefault("statusCode", "")
                    + " verb=" + root.getOrDefault("verb", "") + " url=" + url
                    + " failureReason=" + root.getOrDefault("failureReason", "")
                    + " timeTaken=" + root.getOrDefault("timeTaken", "")));
            if (key != null) {
                module = key.text("ModuleName");
                notification = key.notification();
                errorCode = key.errorHex();
                errorDescription = HResults.describe(key.rendered.get("ErrorCode"), errorCode);
                configInfo = shorten(key.text("ConfigExceptionInfo"), 500);
                ConfigLocation loc = ConfigLocation.parse(configInfo);
                configFile = loc.file();
                configLine = loc.line();
                samples.add(sample(key, ""));
            }
            if (routed != null) {
                samples.add(sample(routed, ""));
            }
            if (ancmEvent != null && samples.size() < MAX_SAMPLES) {
                samples.add(sample(ancmEvent, ""));
            }
            return new FailedRequestTrace(file, url, root.getOrDefault("verb", ""), root.getOrDefault("siteId", ""),
                    root.getOrDefault("appPoolId", ""), root.getOrDefault("processId", ""),
                    root.getOrDefault("authenticationType", ""), root.getOrDefault("activityId", ""), first,
                    status, substatus, parseLong(root.get("timeTaken"), -1), root.getOrDefault("failureReason", ""),
                    module, notification, errorCode, errorDescription, configInfo, configFile, configLine,
                    !handler.isEmpty() ? handler : executeModule, backend, String.join("; ", arrErrors),
                    String.join("; ", ancmFailures), bytesSent, List.copyOf(warnings), warningCount, gap, events,
                    truncated, List.copyOf(samples.subList(0, Math.min(samples.size(), MAX_SAMPLES))));
        }
    }

    /** Most request headers measured per trace. */
    static final int MAX_REQUEST_HEADERS = 64;

    /**
     * Each "Name: value" line of a GENERAL_REQUEST_HEADERS block into name -> value length (the longest when a
     * name repeats), keeping no value. Names are kept as sent; at most {@link #MAX_REQUEST_HEADERS} names.
     */
    static void measureHeaders(String block, Map<String, Long> out) {
        for (String line : block.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon <= 0 || colon > 200) {
                continue;
            }
            String name = line.substring(0, colon).strip();
            if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127)) {
                continue;
            }
            long len = line.substring(colon + 1).strip().length();
            String existing = null;
            for (String k : out.keySet()) {
                if (k.equalsIgnoreCase(name)) {
                    existing = k;
                    break;
                }
            }
            if (existing != null) {
                out.put(existing, Math.max(out.get(existing), len));
            } else if (out.size() < MAX_REQUEST_HEADERS) {
                out.put(name, len);
            }
        }
    }

    /** "\\?\C:\inetpub\wwwroot\web.config ( 12) :Cannot read ..." into the file and line. */
    record ConfigLocation(String file, int line) {
        private static final java.util.regex.Pattern P =
                java.util.regex.Pattern.compile("^(.+?\\.config)\\s*\\(\\s*(\\d+)\\s*\\)");

        static ConfigLocation parse(String info) {
            java.util.regex.Matcher m = P.matcher(info);
            if (m.find()) {
                return new ConfigLocation(m.group(1).strip(), Integer.parseInt(m.group(2)));
            }
            return new ConfigLocation("", 0);
        }
    }

    private record GroupKey(String module, String notification, int status, int substatus, String errorCode) {
    }

    private static final class Group {
        final String errorDescription;
        long count;
        Instant first;
        Instant last;
        final List<String> urls = new ArrayList<>();
        final List<SampleLine> samples = new ArrayList<>();

        Group(String errorDescription) {
            this.errorDescription = errorDescription;
        }

        void add(FailedRequestTrace t) {
            count++;
            if (t.time() != null) {
                first = first == null || t.time().isBefore(first) ? t.time() : first;
                last = last == null || t.time().isAfter(last) ? t.time() : last;
            }
            if (urls.size() < 3 && !t.url().isEmpty() && !urls.contains(t.url())) {
                urls.add(t.url());
            }
            if (samples.size() < 3 && !t.samples().isEmpty()) {
                samples.add(t.samples().get(t.samples().size() > 1 ? 1 : 0));
            }
        }
    }

}
