package org.iisdiag.evidence.har;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.iisdiag.evidence.CountingInputStream;
import org.iisdiag.evidence.EvidenceReader;
import org.iisdiag.evidence.FactRedaction;
import org.iisdiag.evidence.Limits;
import org.iisdiag.evidence.eventlog.TextDecoding;
import org.iisdiag.evidence.text.JsonStringCapReader;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.Redactor;
import org.iisdiag.facts.AnsweredBy;
import org.iisdiag.facts.HarCapture;
import org.iisdiag.facts.ErrorPage;
import org.iisdiag.facts.XmlProblem;
import org.iisdiag.facts.HarResponse;
import org.iisdiag.evidence.Tally;
import org.iisdiag.facts.SampleLine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads HAR 1.2 captures (a browser's "Save all as HAR") with Jackson's streaming parser, one entry at
 * a time, so a capture of tens of MB never becomes one tree. Only what tells who answered and how is
 * kept: method, URL (sensitive query values masked, user info dropped), status, Server, X-Powered-By,
 * Content-Type, sizes, timings, server IP and the browser's network error. Cookies, Authorization /
 * Cookie / Set-Cookie headers, request bodies and response bodies are never kept, except the first 200
 * characters of the text of a small HTML page sent by HTTP.sys (Microsoft-HTTPAPI/2.0), which names the
 * HTTP.sys error.
 */
public final class HarReader implements EvidenceReader {
    /** Distinct (host, status, answeredBy, Server) keys kept; beyond, responses fold into host "(other)". */
    public static final int MAX_GROUPS = 2000;
    static final int MAX_BODY_CHARS = 200;
    /** An HTTP.sys page larger than this is not looked at (theirs are a few hundred bytes). */
    static final int SMALL_BODY_BYTES = 4096;
    static final int MAX_URL_CHARS = 300;
    /** Error pages beyond this are not parsed (IIS's and ANCM's are a few KB, ASP.NET's up to ~30 KB). */
    static final int MAX_PAGE_CHARS = 64 * 1024;
    static final int MAX_HEADER_CHARS = 100;
    static final String OTHER_HOST = "(other)";

    private static final Pattern HEAD = Pattern.compile("(?is)<head\\b.*?</head\\s*>|<!--.*?-->|<!doctype[^>]*>|<script\\b.*?</script\\s*>|<style\\b.*?</style\\s*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private final Redactor redactor;
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<HarCapture> captures = new ArrayList<>();
    private final Map<Key, Group> groups = new HashMap<>();
    private final Map<PageKey, PageGroup> pages = new HashMap<>();
    private final CorsPreflights preflights;
    private final SignInRedirects signIns = new SignInRedirects();
    private final SelfRedirects loops = new SelfRedirects();

    public HarReader() {
        this(Redactor.DEFAULT);
    }

    public HarReader(Redactor redactor) {
        this.redactor = redactor;
        this.preflights = new CorsPreflights(redactor);
    }

    @Override
    public void read(String displayName, String siteHint, InputStream in, ReadReport report) throws IOException {
        CountingInputStream counting = new CountingInputStream(in);
        Capture cap = new Capture(displayName);
        JsonStringCapReader capped = new JsonStringCapReader(TextDecoding.reader(counting), Limits.JSON_STRING_CHARS);
        JsonParser p = mapper.createParser(capped);
        try (p) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a HAR capture: the file is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("log") && value == JsonToken.START_OBJECT) {
                    cap.sawLog = true;
                    readLog(p, cap, report);
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            String why = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
                    : e.getOriginalMessage().replaceAll("\\s+", " ").strip();
            if (!cap.sawLog) {
                throw new IOException("not valid JSON at line " + line + ", column " + column + ": " + why);
            }
            cap.truncated = true;
            report.note("the HAR is incomplete (cut off or malformed at line " + line + ", column " + column + ": "
                    + shorten(why, 160) + "); the " + cap.entries + " entries before it are used");
        } finally {
            report.addLines(Math.max(p.currentLocation().getLineNr(), 0));
            report.addBytes(counting.count());
            if (capped.truncatedStrings() > 0) {
                report.note(Limits.note("json-string-chars", Limits.JSON_STRING_CHARS, Limits.number(capped.truncatedStrings())
                        + " JSON strings longer than that were cut to their first characters (the first at line "
                        + capped.firstTruncatedLine() + ")"));
            }
        }
        if (!cap.sawLog) {
            throw new IOException("not a HAR capture: no \"log\" object");
        }
        if (cap.pagesDropped) {
            report.note(Limits.note("har-error-page-groups", MAX_GROUPS, "further distinct error pages are counted among"
                    + " the responses, their page details are not kept"));
        }
        captures.add(new HarCapture(displayName, cap.version, cap.creator, cap.browser, cap.entries, cap.pages,
                cap.first, cap.last, cap.errors, cap.noResponses, cap.truncated));
    }

    private void readLog(JsonParser p, Capture cap, ReadReport report) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "version" -> cap.version = value.isScalarValue() ? shorten(p.getValueAsString(""), 20) : skip(p);
                case "creator" -> cap.creator = nameAndVersion(p, value);
                case "browser" -> cap.browser = nameAndVersion(p, value);
                case "pages" -> {
                    if (value == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            p.skipChildren();
                            cap.pages++;
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                case "entries" -> {
                    if (value == JsonToken.START_ARRAY) {
                        JsonToken t;
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                            long line = p.currentTokenLocation().getLineNr();
                            if (t != JsonToken.START_OBJECT) {
                                p.skipChildren();
                                report.reject(line, "an entry that is not a JSON object");
                                continue;
                            }
                            JsonNode entry = p.readValueAsTree();
                            entry(cap, entry, line, report);
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
    }

    private static String skip(JsonParser p) throws IOException {
        p.skipChildren();
        return "";
    }

    private String nameAndVersion(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            p.skipChildren();
            return "";
        }
        JsonNode n = p.readValueAsTree();
        return shorten((n.path("name").asText("") + " " + n.path("version").asText("")).strip(), 80);
    }

    private void entry(Capture cap, JsonNode e, long line, ReadReport report) {
        JsonNode request = e.path("request");
        JsonNode response = e.path("response");
        if (!request.isObject()) {
            report.reject(line, "an entry without a request");
            return;
        }
        report.addEntries(1);
        cap.entries++;
        String startedText = e.path("startedDateTime").asText("");
        Instant started = parseTime(startedText);
        if (started == null && !cap.badTimeNoted) {
            cap.badTimeNoted = true;
            report.note("an entry has no readable startedDateTime (first at line " + line + ": '"
                    + shorten(startedText, 40) + "'); its time is unknown");
        }
        if (started != null) {
            cap.first = cap.first == null || started.isBefore(cap.first) ? started : cap.first;
            cap.last = cap.last == null || started.isAfter(cap.last) ? started : cap.last;
        }
        int status = response.path("status").asInt(0);
        if (status >= 400) {
            cap.errors++;
        } else if (status <= 0) {
            status = 0;
            cap.noResponses++;
        }
        if (CorsPreflights.isPreflight(request)) {
            preflight(cap, request, response, status, started, startedText, line);
        }
        if (status >= 300 && status < 400) {
            // the sample shows the request, never the Location (its query holds the state and nonce)
            String text = (started == null ? "-" : started.toString()) + " " + shorten(request.path("method").asText(""), 16)
                    + " " + url(request.path("url").asText("")) + " -> " + status;
            SampleLine sample = new SampleLine(cap.file, line, text);
            signIns.add(request, response, status, started, sample);
            loops.add(request, response, status, started, sample);
        }
        if (status != 0 && status < 400) {
            return;
        }
        String server = "";
        String poweredBy = "";
        String contentType = "";
        List<String> challenges = new ArrayList<>();
        for (JsonNode h : response.path("headers")) {
            String name = h.path("name").asText("").toLowerCase(Locale.ROOT);
            switch (name) {
                case "www-authenticate" -> challenges.addAll(HttpVersions.schemes(h.path("value").asText("")));
                case "server" -> server = server.isEmpty() ? shorten(h.path("value").asText(""), MAX_HEADER_CHARS) : server;
                case "x-powered-by" -> poweredBy = poweredBy.isEmpty() ? shorten(h.path("value").asText(""), MAX_HEADER_CHARS)
                        : shorten(poweredBy + ", " + h.path("value").asText(""), MAX_HEADER_CHARS);
                case "content-type" -> contentType = contentType.isEmpty() ? shorten(h.path("value").asText(""), MAX_HEADER_CHARS) : contentType;
                default -> {
                    // nothing else is kept: Set-Cookie, challenge tokens and the rest stay out of the facts
                }
            }
        }
        AnsweredBy by = classify(status, server, poweredBy);
        // redacted before anything is derived from them (the version is cut out of the Server header)
        server = redactor.redact(server);
        poweredBy = redactor.redact(poweredBy);
        contentType = redactor.redact(contentType);
        String url = url(request.path("url").asText(""));
        String host = host(request.path("url").asText(""));
        String method = shorten(request.path("method").asText(""), 16);
        String statusText = shorten(response.path("statusText").asText(""), 80);
        String error = shorten(firstText(response.path("_error"), e.path("_error")), 80);
        String protocol = HttpVersions.of(response.path("httpVersion").asText(""), request.path("httpVersion").asText(""));
        JsonNode content = response.path("content");
        long size = content.path("size").asLong(-1);
        long waitMs = timing(e.path("timings").path("wait"));
        long timeMs = timing(e.path("time"));
        String serverIp = shorten(e.path("serverIPAddress").asText(""), 60);
        String body = by == AnsweredBy.HTTP_SYS ? httpSysBody(content) : "";
        if (by != AnsweredBy.HTTP_SYS && status >= 400) {
            errorPage(cap, content, status, started, line, url);
        }

        Key key = new Key(host, status, by, server);
        Group g = groups.get(key);
        if (g == null) {
            if (groups.size() >= MAX_GROUPS) {
                // the fold key must not grow with the input: no Server header, and only a real status
                key = new Key(OTHER_HOST, status >= 100 && status <= 999 ? status : 0, by, "");
                g = groups.computeIfAbsent(key, k -> new Group());
                report.note("more than " + MAX_GROUPS + " distinct error responses: the rest are counted under host " + OTHER_HOST);
            } else {
                g = new Group();
                groups.put(key, g);
            }
        }
        g.seen(started);
        g.statusText = g.statusText.isEmpty() ? statusText : g.statusText;
        g.poweredBy = g.poweredBy.isEmpty() ? poweredBy : g.poweredBy;
        g.error = g.error.isEmpty() ? error : g.error;
        g.contentType = g.contentType.isEmpty() ? contentType : g.contentType;
        g.serverIp = g.serverIp.isEmpty() ? serverIp : g.serverIp;
        g.body = g.body.isEmpty() ? body : g.body;
        g.headers = g.headers.max(requestHeaderSizes(request.path("headers")));
        g.invalidHeaderName = g.invalidHeaderName.isEmpty() ? invalidHeaderName(request.path("headers")) : g.invalidHeaderName;
        if (!protocol.isEmpty() && g.protocols.size() < HttpVersions.MAX_KEPT) {
            g.protocols.add(protocol);
        }
        for (String c : challenges) {
            if (g.schemes.size() < HttpVersions.MAX_KEPT) {
                g.schemes.add(c);
            }
        }
        g.maxWait = Math.max(g.maxWait, waitMs);
        g.maxTime = Math.max(g.maxTime, timeMs);
        g.url(url);
        if (g.wantsSample()) { // the text is built only for a sample that is kept
            StringBuilder s = new StringBuilder();
            s.append(started == null ? startedText.isEmpty() ? "-" : shorten(startedText, 40) : started.toString())
                    .append(' ').append(method).append(' ').append(url).append(" -> ")
                    .append(status == 0 ? "no response" : status + (statusText.isEmpty() ? "" : " " + statusText));
            if (!protocol.isEmpty()) {
                s.append(" over ").append(protocol);
            }
            if (!error.isEmpty()) {
                s.append(' ').append(error);
            }
            if (!server.isEmpty()) {
                s.append(", Server: ").append(server);
            }
            if (!poweredBy.isEmpty()) {
                s.append(", X-Powered-By: ").append(poweredBy);
            }
            if (waitMs >= 0) {
                s.append(", wait ").append(waitMs).append(" ms");
            }
            if (size >= 0) {
                s.append(", ").append(size).append(" bytes");
                if (!contentType.isEmpty()) {
                    s.append(' ').append(contentType);
                }
            }
            g.sample(new SampleLine(cap.file, line, s.toString()));
        }
    }

    /** Counts a CORS preflight that got no 2xx, with a sample naming what it asked for and what it got. */
    private void preflight(Capture cap, JsonNode request, JsonNode response, int status, Instant started,
                           String startedText, long line) {
        String url = url(request.path("url").asText(""));
        String text = (started == null ? startedText.isEmpty() ? "-" : shorten(startedText, 40) : started.toString())
                + " OPTIONS " + url + " (preflight for " + shorten(CorsPreflights.header(request, "access-control-request-method"), 16)
                + " from " + shorten(redactor.redact(CorsPreflights.header(request, "origin")), 120) + ") -> "
                + (status == 0 ? "no response" : status + " " + shorten(response.path("statusText").asText(""), 40)).strip();
        preflights.add(request, response, status, host(request.path("url").asText("")), url, started,
                new SampleLine(cap.file, line, text));
    }

    /**
     * The sizes of one request's headers, measured and not kept: which header is the largest, the Cookie
     * header(s) (their size and how many cookies, never a name or value), and the Authorization header's
     * scheme and size. HTTP/2 pseudo-headers (":authority") are not headers HTTP.sys limits and are skipped.
     */
    static org.iisdiag.facts.RequestHeaderSizes requestHeaderSizes(JsonNode headers) {
        String largest = "";
        long largestBytes = 0;
        long total = 0;
        long cookieBytes = 0;
        int cookies = 0;
        String scheme = "";
        long authBytes = 0;
        for (JsonNode h : headers) {
            String name = h.path("name").asText("");
            if (name.isEmpty() || name.startsWith(":")) {
                continue;
            }
            String value = h.path("value").asText("");
            long bytes = (long) name.length() + 2 + value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            total += bytes + 2;
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                cookieBytes += bytes;
                for (String c : value.split(";")) {
                    cookies += c.isBlank() ? 0 : 1;
                }
            } else if (lower.equals("authorization") && bytes > authBytes) {
                authBytes = bytes;
                scheme = authScheme(value);
            }
            if (bytes > largestBytes) {
                largestBytes = bytes;
                largest = lower.length() > 60 ? lower.substring(0, 60) : lower;
            }
        }
        if (cookieBytes > largestBytes) { // several Cookie headers (HTTP/2) arrive as one
            largestBytes = cookieBytes;
            largest = "cookie";
        }
        return largestBytes == 0 ? org.iisdiag.facts.RequestHeaderSizes.NONE
                : new org.iisdiag.facts.RequestHeaderSizes(largest, largestBytes, total, cookieBytes, cookies, scheme, authBytes);
    }

    /**
     * The first request header name that is not an HTTP token (a space or a separator in it), redacted and cut as
     * a report may quote it; "" when there is none. HTTP/2 pseudo-headers (":authority") are not names HTTP.sys parses.
     */
    static String invalidHeaderName(JsonNode headers) {
        for (JsonNode h : headers) {
            String name = h.path("name").asText("");
            if (!name.isEmpty() && !name.startsWith(":") && !org.iisdiag.facts.HeaderNames.isToken(name)) {
                return org.iisdiag.facts.HeaderNames.quotable(Redactor.DEFAULT.redact(name));
            }
        }
        return "";
    }

    /** The scheme of an Authorization value; a Negotiate token carrying NTLMSSP ("TlRMTVNT") is NTLM. */
    private static String authScheme(String value) {
        String v = value.strip();
        int space = v.indexOf(' ');
        String scheme = space < 0 ? v : v.substring(0, space);
        if (scheme.equalsIgnoreCase("Negotiate") && v.substring(space < 0 ? v.length() : space).strip().startsWith("TlRMTVNT")) {
            return "NTLM";
        }
        return scheme.length() > 20 || !scheme.matches("[A-Za-z0-9_-]+") ? "other" : scheme;
    }

    /** Who produced a response, from its Server and X-Powered-By headers (compared case-insensitively). */
    public static AnsweredBy classify(int status, String server, String poweredBy) {
        if (status <= 0) {
            return AnsweredBy.NONE;
        }
        String s = server == null ? "" : server.strip().toLowerCase(Locale.ROOT);
        String pb = poweredBy == null ? "" : poweredBy.toLowerCase(Locale.ROOT);
        if (s.startsWith("microsoft-httpapi")) {
            return AnsweredBy.HTTP_SYS;
        }
        if (pb.contains("arr/")) {
            return AnsweredBy.ARR;
        }
        if (s.startsWith("microsoft-iis")) {
            return AnsweredBy.IIS;
        }
        if (s.startsWith("kestrel")) {
            return AnsweredBy.KESTREL;
        }
        if (!s.isEmpty()) {
            return AnsweredBy.OTHER;
        }
        // the Server header was removed (removeServerHeader, DisableServerHeader), but ASP.NET still says so
        return pb.contains("asp.net") ? AnsweredBy.IIS : AnsweredBy.UNKNOWN;
    }

    /** "10.0" of "Microsoft-IIS/10.0", "2.0" of "Microsoft-HTTPAPI/2.0", "" without a version. */
    static String version(String server) {
        int slash = server.indexOf('/');
        if (slash < 0) {
            return "";
        }
        String v = server.substring(slash + 1).strip();
        int space = v.indexOf(' ');
        return space < 0 ? v : v.substring(0, space);
    }

    /** The text of a small HTML page from HTTP.sys, tags dropped, at most 200 characters; "" otherwise. */
    String httpSysBody(JsonNode content) {
        String text = content.path("text").asText("");
        if (text.isEmpty()) {
            return "";
        }
        long size = content.path("size").asLong(text.length());
        if (size > SMALL_BODY_BYTES || text.length() > SMALL_BODY_BYTES * 2) {
            return "";
        }
        if ("base64".equalsIgnoreCase(content.path("encoding").asText(""))) {
            try {
                text = new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        String mime = content.path("mimeType").asText("").toLowerCase(Locale.ROOT);
        if (!mime.contains("html") && !text.stripLeading().startsWith("<")) {
            return "";
        }
        String plain = TAG.matcher(HEAD.matcher(text).replaceAll(" ")).replaceAll(" ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
        plain = plain.replaceAll("\\s+", " ").strip();
        plain = redactor.redact(plain);
        return plain.length() <= MAX_BODY_CHARS ? plain : plain.substring(0, MAX_BODY_CHARS);
    }

    /** An error page's text (decoded, at most {@link #MAX_PAGE_CHARS}), or "" when it has none or is not HTML. */
    private static String pageText(JsonNode content) {
        String text = content.path("text").asText("");
        if (text.isEmpty() || text.length() > MAX_PAGE_CHARS * 2) {
            return "";
        }
        if ("base64".equalsIgnoreCase(content.path("encoding").asText(""))) {
            try {
                text = new String(Base64.getMimeDecoder().decode(text), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "";
            }
        }
        String mime = content.path("mimeType").asText("").toLowerCase(Locale.ROOT);
        if (!mime.contains("html") && !text.stripLeading().startsWith("<")) {
            return "";
        }
        return text.length() <= MAX_PAGE_CHARS ? text : text.substring(0, MAX_PAGE_CHARS);
    }

    /** Reads an error page that names its error (IIS detailed error, ANCM, ASP.NET) into the page groups. */
    private void errorPage(Capture cap, JsonNode content, int status, Instant started, long line, String url) {
        String text = pageText(content);
        if (text.isEmpty()) {
            return;
        }
        ErrorPageParser.Parsed p = ErrorPageParser.parse(text);
        if (p == null) {
            return;
        }
        String configFile = p.configFile();
        PageKey key = new PageKey(p.kind(), p.code(), status, p.field("Module"), p.field("Notification"),
                p.field("Handler"), p.field("Error Code"), redactor.redact(p.field("Config Error")),
                shorten(configFile, MAX_URL_CHARS), redactor.redact(p.exception()));
        PageGroup g = Tally.groupIn(pages, key, MAX_GROUPS, PageGroup::new);
        if (g == null) {
            // counted among the responses already; the page detail of the rest is not kept
            cap.pagesDropped = true;
            return;
        }
        g.seen(started);
        g.heading = g.heading.isEmpty() ? p.heading() : g.heading;
        if (g.configLine < 0 && p.configLine() > 0) {
            g.configLine = p.configLine();
            g.configProblem = p.configProblem();
        }
        g.physicalPath = g.physicalPath.isEmpty() ? shorten(p.field("Physical Path"), MAX_URL_CHARS) : g.physicalPath;
        g.requestedUrl = g.requestedUrl.isEmpty() ? url(p.field("Requested URL")) : g.requestedUrl;
        g.logonMethod = g.logonMethod.isEmpty() ? shorten(p.field("Logon Method"), 40) : g.logonMethod;
        g.sample(new SampleLine(cap.file, line, shorten(url + " -> " + status + ": " + key.describe(), 400)));
    }

    /** The URL without user info, with sensitive query values masked, at most 300 characters. */
    String url(String raw) {
        return url(raw, redactor);
    }

    /** As {@link #url(String)}, with the given redactor (a saved error page's Requested URL too). */
    static String url(String raw, Redactor redactor) {
        String u = raw.strip();
        int scheme = u.indexOf("://");
        if (scheme > 0) {
            int authorityEnd = indexOfAny(u, scheme + 3, "/?#");
            int at = u.lastIndexOf('@', authorityEnd - 1);
            if (at > scheme) {
                u = u.substring(0, scheme + 3) + u.substring(at + 1);
            }
        }
        return shorten(redactor.redact(u), MAX_URL_CHARS);
    }

    static String host(String raw) {
        try {
            URI uri = new URI(raw.strip());
            if (uri.getHost() != null) {
                String h = uri.getHost().toLowerCase(Locale.ROOT);
                int port = uri.getPort();
                boolean defaultPort = port < 0 || (port == 443 && "https".equalsIgnoreCase(uri.getScheme()))
                        || (port == 80 && "http".equalsIgnoreCase(uri.getScheme()));
                return defaultPort ? h : h + ":" + port;
            }
        } catch (java.net.URISyntaxException e) {
            // fall through to the plain split
        }
        String u = raw.strip();
        int scheme = u.indexOf("://");
        if (scheme < 0) {
            return "";
        }
        String authority = u.substring(scheme + 3, indexOfAny(u, scheme + 3, "/?#"));
        return authority.substring(authority.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    private static int indexOfAny(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static String firstText(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n.isTextual() && !n.asText().isBlank()) {
                return n.asText().strip();
            }
        }
        return "";
    }

    /** Milliseconds, rounded; -1 when absent or not applicable (HAR writes -1). */
    private static long timing(JsonNode n) {
        if (!n.isNumber()) {
            return -1;
        }
        double d = n.asDouble();
        return d < 0 ? -1 : Math.round(d);
    }

    static Instant parseTime(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s.strip());
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Redacted first, then cut: a cut can separate "user:" from "@host" and hide a secret from the redactor. */
    static String shorten(String s, int max) {
        String t = Redactor.DEFAULT.redact(s).replaceAll("[\\r\\n\\t]+", " ").strip();
        return t.length() <= max ? t : t.substring(0, max - 3) + "...";
    }

    public List<HarCapture> captures() {
        return List.copyOf(captures);
    }

    /** Most responses first; ties by status, host, who answered and Server header. */
    public List<HarResponse> responses() {
        List<HarResponse> out = new ArrayList<>();
        groups.forEach((k, g) -> out.add(new HarResponse(k.host, k.status, g.statusText, k.answeredBy, k.server,
                version(k.server), g.poweredBy, g.error, g.contentType, g.serverIp, g.count, g.first, g.last,
                List.copyOf(g.urls), g.body, g.maxWait, g.maxTime, List.copyOf(g.samples), g.headers, g.invalidHeaderName,
                List.copyOf(g.protocols), List.copyOf(g.schemes))));
        out.sort(Comparator.comparingLong(HarResponse::count).reversed().thenComparingInt(HarResponse::status)
                .thenComparing(HarResponse::host).thenComparing(HarResponse::answeredBy)
                .thenComparing(HarResponse::serverHeader));
        return out;
    }

    /** Saved error pages that name their error, most frequent first. */
    public List<ErrorPage> errorPages() {
        List<ErrorPage> out = new ArrayList<>();
        pages.forEach((k, g) -> out.add(new ErrorPage(k.kind, k.code, k.status, g.heading, k.module, k.notification,
                k.handler, k.errorCode, k.configError, k.configFile, g.configLine, g.configProblem, g.physicalPath, g.requestedUrl, g.logonMethod,
                k.exception, g.count, g.first, g.last, List.copyOf(g.samples))));
        out.sort(Comparator.comparingLong(ErrorPage::count).reversed().thenComparing(ErrorPage::code)
                .thenComparing(ErrorPage::module).thenComparing(ErrorPage::errorCode).thenComparing(ErrorPage::configFile)
                .thenComparing(ErrorPage::exception));
        return out;
    }

    @Override
    public List<Object> facts() {
        List<Object> facts = new ArrayList<>(captures);
        facts.addAll(responses());
        facts.addAll(errorPages());
        facts.addAll(preflights.facts());
        facts.addAll(signIns.facts());
        facts.addAll(loops.facts());
        return FactRedaction.redact(facts);
    }

    private record PageKey(String kind, String code, int status, String module, String notification, String handler,
                           String errorCode, String configError, String configFile, String exception) {
        String describe() {
            return ErrorPageParser.summary(code, module, errorCode, configFile, exception);
        }
    }

    private static final class PageGroup extends Tally {
        String heading = "";
        String physicalPath = "";
        String requestedUrl = "";
        String logonMethod = "";
        long configLine = -1;
        XmlProblem configProblem = XmlProblem.UNKNOWN;
    }

    private record Key(String host, int status, AnsweredBy answeredBy, String server) {
    }

    private static final class Group extends Tally {
        String statusText = "";
        String poweredBy = "";
        String error = "";
        String contentType = "";
        String serverIp = "";
        String body = "";
        long maxWait = -1;
        long maxTime = -1;
        org.iisdiag.facts.RequestHeaderSizes headers = org.iisdiag.facts.RequestHeaderSizes.NONE;
        String invalidHeaderName = "";
        final java.util.TreeSet<String> protocols = new java.util.TreeSet<>();
        final java.util.TreeSet<String> schemes = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    }

    private static final class Capture {
        final String file;
        boolean sawLog;
        boolean truncated;
        boolean badTimeNoted;
        boolean pagesDropped;
        String version = "";
        String creator = "";
        String browser = "";
        long entries;
        long pages;
        long errors;
        long noResponses;
        Instant first;
        Instant last;

        Capture(String file) {
            this.file = file;
        }
    }

}
