package org.iisdiag.evidence.w3c;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.iisdiag.evidence.Redactor;
import org.iisdiag.facts.SampleLine;
import org.iisdiag.facts.TimeTakenRange;
import org.iisdiag.facts.UriCount;

/**
 * What both W3C-format aggregators keep per key: count, first/last seen, an optional top-URI sketch and
 * up to {@link #MAX_SAMPLES} redacted sample lines.
 */
public final class KeyStats<K> {
    public static final int MAX_SAMPLES = 3;
    public static final int SKETCH_CAPACITY = 64;
    public static final int TOP_URIS = 10;
    /** Client addresses kept per key (only for the keys that name a client, e.g. IP-restriction denials). */
    public static final int CLIENT_CAPACITY = 64;
    /** Request methods kept per key (only for the keys whose status depends on the method: 404.6, 405, 401). */
    public static final int METHOD_CAPACITY = 16;
    /** Protocol versions kept per key (only for the keys where the version matters, e.g. 401: HTTP/1.1, HTTP/2). */
    public static final int VERSION_CAPACITY = 8;
    /** Server addresses and ports kept per key (only for the keys HTTP.sys routed nowhere: 404 NotFound, 400 Hostname). */
    public static final int ENDPOINT_CAPACITY = 16;

    private final K key;
    private long count;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private long minTime = Long.MAX_VALUE;
    private long maxTime = -1;
    private long slowAt = Long.MAX_VALUE; // when the slowest entry was logged (the earliest of equals)
    private String slowUri = ""; // its URI (cs-uri-stem), "" when the log has none
    private long totalTime;
    private long timed;
    private TopUriSketch uris; // made on first URI: most keys (2xx/3xx in the IIS log) never need one
    private TopUriSketch clients; // made on first client address: only keys whose status is about the client
    private TopUriSketch methods; // made on first method: only keys whose status is about the request method
    private TopUriSketch versions; // made on first protocol version: only keys whose status depends on it (401)
    private TopUriSketch endpoints; // made on first s-ip/s-port pair: only keys about routing (HTTPERR 404, 400)
    private long handshakes; // entries with Upgrade: websocket (only when the log has an Upgrade header field)
    private long handshakesWithoutConnection; // of those, the ones whose Connection header lacked the upgrade token
    private TopUriSketch strippedClients; // c-ip of the latter: made on first, only keys that have such handshakes
    private TopUriSketch upgradeClients; // c-ip of the handshakes that carried Connection: Upgrade
    private byte[] endpointScratch; // s-ip, a space and s-port, when the two fields are not next to each other
    private long bare; // entries with neither a method nor a URI: HTTP.sys could not read a request line (see noRequestLine)
    private long longSegEntries; // entries whose URI path has a segment longer than the limit given to pathSegments
    private int longestSeg; // the longest path segment of any URI fed to pathSegments
    private String longSegExample; // the first URI with a long segment, shortened (see LongPathSegments)
    private int longestUrl; // the longest whole URI (path and query, bytes) fed to pathSegments
    private int longestQuery; // the longest query string (bytes, as logged) fed to queryLength
    private final ArrayList<Sample> samples = new ArrayList<>(MAX_SAMPLES); // the class, not List: a call per entry the client compiler can inline

    /**
     * A kept line, redacted only when it leaves the stats ({@link #samples}, {@link #write}): each block of a
     * log keeps its own three per key and the merge keeps the first three of all, so redacting on entry
     * redacted a thousand lines per key of a gigabyte log to keep three. {@code cookieField} is
     * {@link #REDACTED} for a text that already is (read back from an aggregate file).
     */
    private record Sample(String file, long line, String text, int cookieField) {
        SampleLine redacted() {
            return new SampleLine(file, line, cookieField == REDACTED ? text : Redactor.DEFAULT.redactW3cLine(text, cookieField));
        }
    }

    private static final int REDACTED = Integer.MIN_VALUE;

    public KeyStats(K key) {
        this.key = key;
    }

    public K key() {
        return key;
    }

    public long count() {
        return count;
    }

    /** Counts one entry; the record supplies a sample while fewer than three are kept. */
    public void hit(long epochSecond, String file, W3cRecord rec, int cookieField) {
        count++;
        if (epochSecond < first) {
            first = epochSecond;
        }
        if (epochSecond > last) {
            last = epochSecond;
        }
        if (samples.size() < MAX_SAMPLES) {
            samples.add(new Sample(file, rec.lineNo(), rec.lineText(), cookieField));
        }
    }

    /** Feeds field {@code f} of the record (skipped when absent or "-") to the top-URI sketch. */
    public void uri(W3cRecord rec, int f) {
        uris = feed(uris, SKETCH_CAPACITY, rec, f);
    }

    /** Adds field {@code f} of the record to {@code sketch} (made on first use); the sketch, or null while unused. */
    private static TopUriSketch feed(TopUriSketch sketch, int capacity, W3cRecord rec, int f) {
        if (f < 0 || rec.isDash(f)) {
            return sketch;
        }
        TopUriSketch s = sketch != null ? sketch : new TopUriSketch(capacity);
        s.add(rec.buffer(), rec.start(f), rec.length(f));
        return s;
    }

    /**
     * Measures the path segments of field {@code f} (a URI, path before any '?'), in characters (UTF-8
     * continuation bytes are not counted): keeps the longest, and counts the entry when one is longer than
     * {@code limit}; keeps the longest whole URI too. Skipped when the field is absent or "-".
     */
    public void pathSegments(W3cRecord rec, int f, int limit) {
        if (f < 0 || rec.isDash(f)) {
            return;
        }
        byte[] b = rec.buffer();
        int start = rec.start(f);
        int end = start + rec.length(f);
        longestUrl = Math.max(longestUrl, end - start);
        int longest = 0;
        int run = 0;
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (c == '?') {
                break;
            }
            if (c == '/' || c == '\\') {
                run = 0;
            } else if ((c & 0xC0) != 0x80 && ++run > longest) {
                longest = run;
            }
        }
        if (longest > longestSeg) {
            longestSeg = longest;
        }
        if (longest > limit) {
            longSegEntries++;
            if (longSegExample == null) {
                longSegExample = shortened(new String(b, start, end - start, java.nio.charset.StandardCharsets.UTF_8), limit);
            }
        }
    }

    /** The path of {@code uri} without its query, each segment longer than {@code limit} cut to 12 characters and its length. */
    static String shortened(String uri, int limit) {
        int q = uri.indexOf('?');
        String[] segments = (q < 0 ? uri : uri.substring(0, q)).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            int n = seg.codePointCount(0, seg.length());
            if (n > limit) {
                segments[i] = seg.substring(0, seg.offsetByCodePoints(0, 12)) + "...(" + n + " characters)";
            }
        }
        String s = Redactor.DEFAULT.redactQuery(String.join("/", segments));
        return s.length() > 400 ? s.substring(0, 400) : s;
    }

    /** The entries with a path segment over the limit {@link #pathSegments} was given, or NONE when none were measured. */
    public org.iisdiag.facts.LongPathSegments longSegments() {
        return longestSeg == 0 && longestUrl == 0 ? org.iisdiag.facts.LongPathSegments.NONE
                : new org.iisdiag.facts.LongPathSegments(longSegEntries, longestSeg, longSegExample == null ? "" : longSegExample,
                        longestUrl);
    }

    /** Keeps the length of field {@code f} (a query string, as logged) when it is the longest so far; skipped when absent or "-". */
    public void queryLength(W3cRecord rec, int f) {
        if (f >= 0 && !rec.isDash(f)) {
            longestQuery = Math.max(longestQuery, rec.length(f));
        }
    }

    /** The longest query string fed to {@link #queryLength}, in bytes as logged; 0 for none. */
    public int longestQuery() {
        return longestQuery;
    }

    /**
     * Counts the entry when both fields are logged and both are "-": HTTPERR writes no method and no URI
     * when the bytes it received had no request line it could read (not HTTP at all).
     */
    public void noRequestLine(W3cRecord rec, int method, int uri) {
        if (method >= 0 && uri >= 0 && rec.isDash(method) && rec.isDash(uri)) {
            bare++;
        }
    }

    /** The entries counted by {@link #noRequestLine}. */
    public long withoutRequestLine() {
        return bare;
    }

    /** Feeds field {@code f} of the record (the client address, c-ip) to the client sketch; skipped when absent or "-". */
    public void client(W3cRecord rec, int f) {
        clients = feed(clients, CLIENT_CAPACITY, rec, f);
    }

    /** Feeds field {@code f} of the record (the request method, cs-method) to the method sketch; skipped when absent or "-". */
    public void method(W3cRecord rec, int f) {
        methods = feed(methods, METHOD_CAPACITY, rec, f);
    }

    /** Feeds field {@code f} of the record (the protocol version, cs-version) to the version sketch; skipped when absent or "-". */
    public void version(W3cRecord rec, int f) {
        versions = feed(versions, VERSION_CAPACITY, rec, f);
    }

    /**
     * Feeds the server address and port the request arrived on (fields {@code ip} and {@code port}, s-ip and
     * s-port) to the endpoint sketch as "address port"; skipped when either is absent or "-".
     */
    public void endpoint(W3cRecord rec, int ip, int port) {
        if (ip < 0 || port < 0 || rec.isDash(ip) || rec.isDash(port)) {
            return;
        }
        if (endpoints == null) {
            endpoints = new TopUriSketch(ENDPOINT_CAPACITY);
        }
        byte[] b = rec.buffer();
        if (rec.end(ip) + 1 == rec.start(port)) { // the usual layout: "s-ip s-port", one separator between
            endpoints.add(b, rec.start(ip), rec.end(port) - rec.start(ip));
            return;
        }
        int li = rec.length(ip), lp = rec.length(port), n = li + 1 + lp;
        if (endpointScratch == null || endpointScratch.length < n) {
            endpointScratch = new byte[Math.max(64, n)];
        }
        System.arraycopy(b, rec.start(ip), endpointScratch, 0, li);
        endpointScratch[li] = ' ';
        System.arraycopy(b, rec.start(port), endpointScratch, li + 1, lp);
        endpoints.add(endpointScratch, 0, n);
    }

    /**
     * Counts one WebSocket handshake (an entry whose Upgrade header is websocket), with or without the upgrade
     * token in its Connection header, and feeds its client address (field {@code clientField}, c-ip, or -1) to
     * the sketch of its kind.
     */
    public void handshake(boolean connectionUpgrade, W3cRecord rec, int clientField) {
        handshakes++;
        if (connectionUpgrade) {
            upgradeClients = feed(upgradeClients, CLIENT_CAPACITY, rec, clientField);
        } else {
            handshakesWithoutConnection++;
            strippedClients = feed(strippedClients, CLIENT_CAPACITY, rec, clientField);
        }
    }

    /** The handshakes counted by {@link #handshake}, or {@link org.iisdiag.facts.WebSocketUpgrades#NONE}. */
    public org.iisdiag.facts.WebSocketUpgrades webSocketUpgrades() {
        return handshakes == 0 ? org.iisdiag.facts.WebSocketUpgrades.NONE
                : new org.iisdiag.facts.WebSocketUpgrades(handshakes, handshakesWithoutConnection,
                        strippedClients == null ? List.of() : strippedClients.top(CLIENT_CAPACITY, c -> c),
                        upgradeClients == null ? List.of() : upgradeClients.top(CLIENT_CAPACITY, c -> c));
    }

    /** Records one entry's time-taken (ms), logged at {@code epochSecond}. */
    public void timeTaken(long ms, long epochSecond) {
        timeTaken(ms, epochSecond, null, -1);
    }

    /**
     * Records one entry's time-taken (ms), logged at {@code epochSecond}, and field {@code uriField} of the
     * record as the slowest entry's URI when it is the new slowest (text is made only then, a handful of
     * times per key).
     */
    public void timeTaken(long ms, long epochSecond, W3cRecord rec, int uriField) {
        timed++;
        totalTime += ms;
        if (ms < minTime) {
            minTime = ms;
        }
        if (ms > maxTime || (ms == maxTime && epochSecond <= slowAt)) { // the URI text only for a candidate
            String uri = rec == null || uriField < 0 ? "" : rec.text(uriField);
            if (slower(ms, epochSecond, uri)) {
                maxTime = ms;
                slowAt = epochSecond;
                slowUri = uri;
            }
        }
    }

    /**
     * Whether an entry of {@code ms} logged at {@code at} for {@code uri} is the slowest so far: the longest,
     * then the earliest, then the first URI in text order. A total order, so that blocks merged in any order
     * (threads, a cluster's partitions) keep the same one.
     */
    private boolean slower(long ms, long at, String uri) {
        return ms > maxTime || (ms == maxTime && (at < slowAt || (at == slowAt && uri.compareTo(slowUri) < 0)));
    }

    /**
     * Adds the entries of the same key from a later block or file: counts and the time-taken range
     * exactly, the URI sketches by {@link TopUriSketch#merge}, and samples in order ({@code other}'s lines
     * count from {@code lineBase}).
     */
    public void merge(KeyStats<?> other, long lineBase) {
        count += other.count;
        first = Math.min(first, other.first);
        last = Math.max(last, other.last);
        timed += other.timed;
        totalTime += other.totalTime;
        minTime = Math.min(minTime, other.minTime);
        if (other.timed > 0 && slower(other.maxTime, other.slowAt, other.slowUri)) {
            maxTime = other.maxTime;
            slowAt = other.slowAt;
            slowUri = other.slowUri;
        }
        uris = merged(uris, other.uris, SKETCH_CAPACITY);
        bare += other.bare;
        longSegEntries += other.longSegEntries;
        longestSeg = Math.max(longestSeg, other.longestSeg);
        longestUrl = Math.max(longestUrl, other.longestUrl);
        longestQuery = Math.max(longestQuery, other.longestQuery);
        if (longSegExample == null) {
            longSegExample = other.longSegExample;
        }
        clients = merged(clients, other.clients, CLIENT_CAPACITY);
        methods = merged(methods, other.methods, METHOD_CAPACITY);
        versions = merged(versions, other.versions, VERSION_CAPACITY);
        endpoints = merged(endpoints, other.endpoints, ENDPOINT_CAPACITY);
        handshakes += other.handshakes;
        handshakesWithoutConnection += other.handshakesWithoutConnection;
        strippedClients = merged(strippedClients, other.strippedClients, CLIENT_CAPACITY);
        upgradeClients = merged(upgradeClients, other.upgradeClients, CLIENT_CAPACITY);
        for (Sample s : other.samples) {
            if (samples.size() >= MAX_SAMPLES) {
                break;
            }
            samples.add(lineBase == 0 ? s : new Sample(s.file(), s.line() + lineBase, s.text(), s.cookieField()));
        }
    }

    /** {@code mine} with {@code theirs} merged in (made when it was unused); null while both are. */
    private static TopUriSketch merged(TopUriSketch mine, TopUriSketch theirs, int capacity) {
        if (theirs == null) {
            return mine;
        }
        TopUriSketch s = mine != null ? mine : new TopUriSketch(capacity);
        s.merge(theirs);
        return s;
    }

    /** Writes the stats (not the key) as fields of the current JSON object, for an aggregate file. */
    public void write(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
        g.writeNumberField("count", count);
        g.writeNumberField("first", first);
        g.writeNumberField("last", last);
        g.writeNumberField("timed", timed);
        g.writeNumberField("minTime", minTime);
        g.writeNumberField("maxTime", maxTime);
        g.writeNumberField("slowAt", slowAt);
        if (!slowUri.isEmpty()) {
            g.writeStringField("slowUri", slowUri);
        }
        g.writeNumberField("totalTime", totalTime);
        write(g, "uris", uris);
        write(g, "clients", clients);
        write(g, "methods", methods);
        write(g, "versions", versions);
        write(g, "endpoints", endpoints);
        if (handshakes > 0) {
            g.writeNumberField("handshakes", handshakes);
            g.writeNumberField("handshakesWithoutConnection", handshakesWithoutConnection);
            write(g, "strippedClients", strippedClients);
            write(g, "upgradeClients", upgradeClients);
        }
        if (bare > 0) {
            g.writeNumberField("bare", bare);
        }
        if (longestSeg > 0) {
            g.writeNumberField("longSegEntries", longSegEntries);
            g.writeNumberField("longestSeg", longestSeg);
            if (longSegExample != null) {
                g.writeStringField("longSegExample", longSegExample);
            }
        }
        if (longestUrl > 0) {
            g.writeNumberField("longestUrl", longestUrl);
        }
        if (longestQuery > 0) {
            g.writeNumberField("longestQuery", longestQuery);
        }
        g.writeArrayFieldStart("samples");
        for (SampleLine s : samples()) {
            g.writeStartArray();
            g.writeString(s.file());
            g.writeNumber(s.line());
            g.writeString(s.text());
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /** Restores what {@link #write} wrote into these (new) stats. */
    public void read(com.fasterxml.jackson.databind.JsonNode n) {
        count = n.get("count").asLong();
        first = n.get("first").asLong();
        last = n.get("last").asLong();
        timed = n.get("timed").asLong();
        minTime = n.get("minTime").asLong();
        maxTime = n.get("maxTime").asLong();
        slowAt = n.path("slowAt").asLong(Long.MAX_VALUE);
        slowUri = n.path("slowUri").asText("");
        totalTime = n.get("totalTime").asLong();
        uris = read(n, "uris", SKETCH_CAPACITY);
        clients = read(n, "clients", CLIENT_CAPACITY);
        methods = read(n, "methods", METHOD_CAPACITY);
        versions = read(n, "versions", VERSION_CAPACITY);
        endpoints = read(n, "endpoints", ENDPOINT_CAPACITY);
        handshakes = n.path("handshakes").asLong(0);
        handshakesWithoutConnection = n.path("handshakesWithoutConnection").asLong(0);
        strippedClients = read(n, "strippedClients", CLIENT_CAPACITY);
        upgradeClients = read(n, "upgradeClients", CLIENT_CAPACITY);
        bare = n.path("bare").asLong(0);
        longSegEntries = n.path("longSegEntries").asLong(0);
        longestSeg = n.path("longestSeg").asInt(0);
        longSegExample = n.has("longSegExample") ? n.get("longSegExample").asText() : null;
        longestUrl = n.path("longestUrl").asInt(0);
        longestQuery = n.path("longestQuery").asInt(0);
        for (com.fasterxml.jackson.databind.JsonNode s : n.get("samples")) {
            samples.add(new Sample(s.get(0).asText(), s.get(1).asLong(), s.get(2).asText(), REDACTED));
        }
    }

    private static void write(com.fasterxml.jackson.core.JsonGenerator g, String name, TopUriSketch sketch) throws java.io.IOException {
        if (sketch != null) {
            g.writeFieldName(name);
            sketch.write(g);
        }
    }

    private static TopUriSketch read(com.fasterxml.jackson.databind.JsonNode n, String name, int capacity) {
        return n.has(name) ? TopUriSketch.read(n.get(name), capacity) : null;
    }

    /** The time-taken of this key's entries, or {@link TimeTakenRange#NONE} when none logged it. */
    public TimeTakenRange timeTakenRange() {
        return timed == 0 ? TimeTakenRange.NONE : new TimeTakenRange(timed, minTime, maxTime, totalTime / timed,
                slowAt == Long.MAX_VALUE ? null : Instant.ofEpochSecond(slowAt), Redactor.DEFAULT.redactQuery(slowUri));
    }

    public Instant firstSeen() {
        return Instant.ofEpochSecond(first);
    }

    public Instant lastSeen() {
        return Instant.ofEpochSecond(last);
    }

    /** Top URIs, redacted: a URI may carry a query with secrets (HTTPERR cs-uri does). */
    public List<UriCount> topUris() {
        return uris == null ? List.of() : uris.top(TOP_URIS, Redactor.DEFAULT::redactQuery);
    }

    /** The client addresses kept (most frequent first), or none when the key keeps no clients. */
    public List<UriCount> topClients() {
        return clients == null ? List.of() : clients.top(CLIENT_CAPACITY, s -> s);
    }

    /** The request methods fed to {@link #method}, most frequent first (ties by name). */
    public List<UriCount> topMethods() {
        return methods == null ? List.of() : methods.top(METHOD_CAPACITY, s -> s);
    }

    /**
     * The server addresses and ports fed to {@link #endpoint}, most frequent first (ties by text), each as
     * "address:port", an IPv6 address in brackets ("[fe80::1]:80") as in a binding.
     */
    public List<UriCount> topEndpoints() {
        return endpoints == null ? List.of() : endpoints.top(ENDPOINT_CAPACITY, KeyStats::endpointText);
    }

    private static String endpointText(String addressSpacePort) {
        int sp = addressSpacePort.lastIndexOf(' ');
        String ip = addressSpacePort.substring(0, sp);
        return (ip.indexOf(':') >= 0 && !ip.startsWith("[") ? "[" + ip + "]" : ip) + ":" + addressSpacePort.substring(sp + 1);
    }

    /** The protocol versions fed to {@link #version}, most frequent first (ties by name). */
    public List<UriCount> topVersions() {
        return versions == null ? List.of() : versions.top(VERSION_CAPACITY, s -> s);
    }

    /** The kept lines, redacted. */
    public List<SampleLine> samples() {
        List<SampleLine> out = new ArrayList<>(samples.size());
        for (Sample s : samples) {
            out.add(s.redacted());
        }
        return List.copyOf(out);
    }
}
