package org.iisdiag.evidence.w3c;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import org.HdrHistogram.Histogram;
import org.iisdiag.evidence.Timeline;
import org.iisdiag.facts.ClassicAspError;
import org.iisdiag.facts.IisLogWindow;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.TimeTakenSummary;

/**
 * Turns the entries of all IIS logs of a case into a few hundred facts while they stream past: counts
 * per (server, site, status, substatus, win32) with first/last seen, the time-taken range, top URIs of
 * error keys, samples,
 * time-taken percentiles per (site, status), a per-minute timeline and the overall window.
 *
 * <p>Memory is bounded whatever the log size: at most {@link #MAX_KEYS} keys (further combinations
 * are folded into one key per status with substatus and win32 -1 on site {@link #OTHER_SITE}), at most
 * {@link #MAX_SITES} site labels and {@link #MAX_HISTOGRAMS} time-taken histograms (further ones go to
 * {@link #OTHER_SITE} too), a fixed-size URI sketch per key, and a bounded {@link Timeline}.
 * Not thread-safe: each block of a log is aggregated on its own and {@link #merge merged} in order.
 */
public final class IisLogAggregator {
    public static final int MAX_KEYS = 5_000;
    public static final int MAX_SITES = 1_000;
    /** Site label of entries folded because a cap was reached. */
    public static final String OTHER_SITE = "(other)";
    /** (site, status) pairs with their own time-taken histogram; further pairs share site "(other)". */
    public static final int MAX_HISTOGRAMS = 1_000;
    private static final int STATUSES = 1000;

    /** Distinct (site, page, line, code) Classic ASP errors kept; further ones fold into one "(other)" key. */
    public static final int MAX_ASP_KEYS = 1_000;
    /** Page and code of the key Classic ASP errors fold into beyond {@link #MAX_ASP_KEYS}. */
    public static final String OTHER_ASP = "(other)";
    /** Bytes of a Classic ASP error description kept. */
    static final int MAX_ASP_DESCRIPTION = 300;

    /** A Classic ASP error key (site is an index into {@link #sites}) and the highest status seen for it. */
    static final class AspError {
        final int site;
        final String page;
        final int line;
        final String code;
        final String description;
        int status;

        AspError(int site, String page, int line, String code, String description) {
            this.site = site;
            this.page = page;
            this.line = line;
            this.code = code;
            this.description = description;
        }
    }

    /** A key as numbers; server and site are indexes into {@link #sites} (one label table for both). */
    record Key(int server, int site, int status, int substatus, long win32) {
        boolean is(int sv, int st, int code, int sub, long w32) {
            return status == code && substatus == sub && win32 == w32 && site == st && server == sv;
        }
    }

    /** Recently used keys, direct-mapped: most lines repeat a handful of keys, found without hashing bytes. */
    @SuppressWarnings("unchecked")
    private final KeyStats<Key>[] recent = new KeyStats[64];

    private final List<String> sites = new ArrayList<>();
    private final ByteKeyMap<Integer> siteIds = new ByteKeyMap<>();
    private final KeyTable<Key> keys = new KeyTable<>(MAX_KEYS);
    private final TimeTakenHistogram[][] timeTaken = new TimeTakenHistogram[MAX_SITES + 1][];
    // exact maxima: the histogram only knows the max to its precision
    private final long[][] maxTimeTaken = new long[MAX_SITES + 1][];
    private int histograms;
    private final Timeline timeline = new Timeline();
    private int otherSite;
    /** Histograms of a cleared aggregate, reset and reused: a block's histograms grow as values come, once. */
    private final java.util.ArrayDeque<TimeTakenHistogram> spare = new java.util.ArrayDeque<>();
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;
    private long requests;
    private long clientErrors;
    private long serverErrors;
    private long folded;
    private final KeyTable<AspError> aspErrors = new KeyTable<>(MAX_ASP_KEYS);
    private long aspFolded;
    private final UnloggedFields unlogged = new UnloggedFields();

    public IisLogAggregator() {
        otherSite = siteIndex(OTHER_SITE);
    }

    /** The entries read from layouts without sc-substatus, sc-win32-status or time-taken. */
    UnloggedFields unlogged() {
        return unlogged;
    }

    /** Index of a site label (e.g. the "W3SVC1" folder name); labels beyond the cap share "(other)". */
    int siteIndex(String label) {
        byte[] b = label.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return siteIndex(b, 0, b.length, label);
    }

    /** Index of the site named by a field (s-sitename) of the record, without making a String when known. */
    int siteIndex(W3cRecord rec, int f) {
        return siteIndex(rec.buffer(), rec.start(f), rec.length(f), null);
    }

    private int siteIndex(byte[] b, int off, int len, String label) {
        int h = ByteKeyMap.hash(b, off, len);
        Integer id = siteIds.get(b, off, len, h);
        if (id != null) {
            return id;
        }
        if (sites.size() > MAX_SITES - 1) {
            return otherSite;
        }
        int next = sites.size();
        sites.add(label != null ? label : new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
        siteIds.put(b, off, len, h, next);
        return next;
    }

    /**
     * One entry. {@code timeTaken} is -1 when not logged; the record supplies the URI (for error
     * statuses) and, while a key has fewer than three, a sample line. The field of the client address
     * (c-ip, or -1) is kept for the keys whose status names the client as the cause (IP and domain
     * restriction denials), that of the request method (cs-method, or -1) for the keys whose status
     * depends on the method (404.6, 405, 401), that of the protocol version (cs-version, or -1) for 401s (Windows
     * authentication cannot complete over HTTP/2); the length of the query string (cs-uri-query, or -1) for the
     * keys refused for it (404.15). Returns the key's stats, for what the reader adds to the entry (a WebSocket
     * handshake).
     */
    KeyStats<Key> add(int server, int site, int status, int substatus, long win32, long epochSecond, long timeTaken,
             W3cRecord rec, int uriField, int queryField, int cookieField, int clientField, int methodField,
             int versionField, String file) {
        int slot = (status * 31 + substatus * 7 + (int) win32 * 13 + site * 131 + server * 17) & (recent.length - 1);
        KeyStats<Key> stats = recent[slot];
        if (stats == null || !stats.key().is(server, site, status, substatus, win32)) {
            stats = lookup(server, site, status, substatus, win32);
            if (stats.key().is(server, site, status, substatus, win32)) { // not folded: cache it
                recent[slot] = stats;
            }
        }
        stats.hit(epochSecond, file, rec, cookieField);
        // errors, and successes with an unusual win32 code (a client that hung up), keep their URIs
        if (status >= 400 || win32 != 0) {
            stats.uri(rec, uriField);
        }
        if (clientField >= 0 && (refusesClient(status, substatus) || win32 == CONNECTION_ABORTED)) {
            stats.client(rec, clientField);
        }
        if (methodField >= 0 && keepsMethods(status, substatus)) {
            stats.method(rec, methodField);
        }
        if (versionField >= 0 && status == 401) {
            stats.version(rec, versionField);
        }
        if (queryField >= 0 && keepsQueryLength(status, substatus)) {
            stats.queryLength(rec, queryField);
        }
        if (timeTaken >= 0) {
            stats.timeTaken(timeTaken, epochSecond, rec, uriField);
            recordTimeTaken(stats.key().site(), status, timeTaken); // a folded key's site is "(other)"
        }
        timeline.add(epochSecond, status);
        requests++;
        if (status >= 400 && status < 500) {
            clientErrors++;
        } else if (status >= 500 && status < 600) {
            serverErrors++;
        }
        if (epochSecond < first) {
            first = epochSecond;
        }
        if (epochSecond > last) {
            last = epochSecond;
        }
        return stats;
    }

    /**
     * 404.6 (request filtering's verbs) and 405 (a handler or module refused the method); and 401, whose
     * OPTIONS requests are a browser's CORS preflights: they never carry credentials, so authentication
     * refuses them for good, where the 401 of any other method is the first leg of a logon.
     */
    static boolean keepsMethods(int status, int substatus) {
        return status == 404 && substatus == 6 || status == 405 || status == 401;
    }

    /**
     * 404.15: request filtering refused the query string for its length (requestLimits maxQueryString); how long
     * the refused ones were tells whether a limit configured later lets them through.
     */
    static boolean keepsQueryLength(int status, int substatus) {
        return status == 404 && substatus == 15;
    }

    /**
     * ERROR_CONNECTION_ABORTED: the server's side ended the connection while sending (HTTP.sys's minimum send
     * rate, for one); which clients it happened to tells a network path from a server fault.
     */
    static final long CONNECTION_ABORTED = 1236;

    /**
     * Whether the status refuses the client for its address or name: IP and Domain Restrictions'
     * 401/403/404 .501-.504 (the status follows the deny action) and IIS 6's 403.6 / 403.8; or for the
     * certificate it presented: 403.13 revoked, 403.16 untrusted or invalid, 403.17 expired or not yet valid
     * (the certificate belongs to the client, so the addresses say whose certificates to look at); or 403.4 /
     * 403.5 SSL required, where a few private addresses are a proxy that ended TLS before IIS.
     */
    static boolean refusesClient(int status, int substatus) {
        return (status == 401 || status == 403 || status == 404) && substatus >= 501 && substatus <= 504
                || status == 403 && (substatus == 4 || substatus == 5 || substatus == 6 || substatus == 8
                        || substatus == 13 || substatus == 16 || substatus == 17);
    }

    /** The stats of a key, made when new; beyond {@link #MAX_KEYS}, those of the status's "(other)" key. */
    private KeyStats<Key> lookup(int server, int site, int status, int substatus, long win32) {
        KeyStats<Key> stats = keys.begin().putInt(server).putInt(site).putInt(status).putInt(substatus).putLong(win32).get();
        if (stats != null) {
            return stats;
        }
        if (keys.full()) {
            folded++;
            Key other = new Key(otherSite, otherSite, status, -1, -1);
            return keys.begin().putInt(otherSite).putInt(otherSite).putInt(status).putInt(-1).putLong(-1).getOrCreate(other);
        }
        return keys.create(new Key(server, site, status, substatus, win32));
    }

    /**
     * A Classic ASP error of the entry just {@link #add added}: the last three '|'-separated parts of its
     * cs-uri-query, already checked by the reader ({@code line} 0 for "-"). Only called for such lines,
     * so ordinary entries never get here.
     */
    void classicAsp(int site, int status, W3cRecord rec, int uriField, int line, int codeStart, int codeLen,
                    int descStart, int descLen, long epochSecond, int cookieField, String file) {
        byte[] b = rec.buffer();
        KeyStats<AspError> stats = aspErrors.begin().putInt(site).putField(rec, uriField).putInt(line)
                .putBytes(b, codeStart, codeLen).get();
        if (stats == null) {
            if (aspErrors.full()) {
                aspFolded++;
                stats = aspErrors.begin().putInt(otherSite).putInt(-1).get(); // no real key has a negative length
                if (stats == null) {
                    stats = aspErrors.create(new AspError(otherSite, OTHER_ASP, 0, OTHER_ASP, "(several)"));
                }
            } else {
                String page = uriField < 0 ? "" : rec.text(uriField);
                String code = new String(b, codeStart, codeLen, java.nio.charset.StandardCharsets.UTF_8);
                String description = new String(b, descStart, Math.min(descLen, MAX_ASP_DESCRIPTION),
                        java.nio.charset.StandardCharsets.UTF_8).replace('_', ' ')
                        + (descLen > MAX_ASP_DESCRIPTION ? "..." : "");
                stats = aspErrors.create(new AspError(site, page, line, code, description));
            }
        }
        stats.hit(epochSecond, file, rec, cookieField);
        if (status > stats.key().status) {
            stats.key().status = status;
        }
    }

    /** Classic ASP errors folded into the "(other)" key because {@link #MAX_ASP_KEYS} was reached. */
    public long foldedClassicAspErrors() {
        return aspFolded;
    }

    /** Classic ASP errors from cs-uri-query, ordered by site, page, line and code. */
    public List<ClassicAspError> classicAspErrors() {
        Comparator<AspError> order = Comparator.comparing((AspError k) -> sites.get(k.site))
                .thenComparing(k -> k.page).thenComparingInt(k -> k.line).thenComparing(k -> k.code);
        return aspErrors.sorted(order).stream().map(s -> {
            AspError k = s.key();
            return new ClassicAspError(sites.get(k.site), k.page, k.line, k.code, k.description, s.count(),
                    s.firstSeen(), s.lastSeen(), k.status, s.samples());
        }).toList();
    }

    private void recordTimeTaken(int site, int status, long ms) {
        TimeTakenHistogram h = histogram(site, status);
        h.record(ms);
        if (timeTaken[site] == null || h != timeTaken[site][status]) {
            site = otherSite;
        }
        if (ms > maxTimeTaken[site][status]) {
            maxTimeTaken[site][status] = ms;
        }
    }

    /** The histogram of (site, status), made on first use; beyond the cap, the "(other)" site's. */
    private TimeTakenHistogram histogram(int site, int status) {
        if (timeTaken[site] == null || timeTaken[site][status] == null) {
            if (histograms >= MAX_HISTOGRAMS) {
                site = otherSite; // bounded: further (site, status) pairs share the "(other)" site
            }
            if (timeTaken[site] == null) {
                timeTaken[site] = new TimeTakenHistogram[STATUSES];
                maxTimeTaken[site] = new long[STATUSES];
            }
            if (timeTaken[site][status] == null) {
                TimeTakenHistogram h = spare.poll();
                if (h == null) {
                    h = new TimeTakenHistogram();
                } else {
                    h.reset();
                }
                timeTaken[site][status] = h;
                histograms++;
            }
        }
        return timeTaken[site][status];
    }

    /**
     * Adds the aggregate of a later block or file, as if its entries had been added here: labels are
     * mapped by name, keys and Classic ASP errors beyond the caps fold as {@link #add} folds them, and
     * {@code part}'s sample lines count from {@code lineBase}.
     */
    public void merge(IisLogAggregator part, long lineBase) {
        int[] label = new int[part.sites.size()];
        for (int i = 0; i < label.length; i++) {
            label[i] = siteIndex(part.sites.get(i));
        }
        folded += part.folded;
        unlogged.merge(part.unlogged);
        for (KeyStats<Key> s : part.keys.inOrder()) {
            Key k = s.key();
            int server = label[k.server()];
            int site = label[k.site()];
            KeyStats<Key> into = keys.begin().putInt(server).putInt(site).putInt(k.status()).putInt(k.substatus())
                    .putLong(k.win32()).get();
            if (into == null && keys.full()) {
                if (k.substatus() != -1) { // -1: the part's own fold key, already counted in part.folded
                    folded += s.count();
                }
                into = keys.begin().putInt(otherSite).putInt(otherSite).putInt(k.status()).putInt(-1).putLong(-1)
                        .getOrCreate(new Key(otherSite, otherSite, k.status(), -1, -1));
            } else if (into == null) {
                into = keys.create(new Key(server, site, k.status(), k.substatus(), k.win32()));
            }
            into.merge(s, lineBase);
        }
        for (int site = 0; site < part.sites.size(); site++) {
            for (int status = 0; part.timeTaken[site] != null && status < STATUSES; status++) {
                TimeTakenHistogram h = part.timeTaken[site][status];
                if (h != null) {
                    TimeTakenHistogram into = histogram(label[site], status);
                    into.merge(h);
                    int at = timeTaken[label[site]] != null && into == timeTaken[label[site]][status] ? label[site] : otherSite;
                    maxTimeTaken[at][status] = Math.max(maxTimeTaken[at][status], part.maxTimeTaken[site][status]);
                }
            }
        }
        timeline.merge(part.timeline);
        first = Math.min(first, part.first);
        last = Math.max(last, part.last);
        requests += part.requests;
        clientErrors += part.clientErrors;
        serverErrors += part.serverErrors;
        aspFolded += part.aspFolded;
        for (KeyStats<AspError> s : part.aspErrors.inOrder()) {
            AspError k = s.key();
            boolean foldKey = k.site == part.otherSite && OTHER_ASP.equals(k.page); // pages start with '/'
            KeyStats<AspError> into = foldKey ? null
                    : aspErrors.begin().putInt(label[k.site]).putText(k.page).putInt(k.line).putText(k.code).get();
            if (into == null && (foldKey || aspErrors.full())) {
                if (!foldKey) {
                    aspFolded += s.count();
                }
                into = aspErrors.begin().putInt(otherSite).putInt(-1)
                        .getOrCreate(new AspError(otherSite, OTHER_ASP, 0, OTHER_ASP, "(several)"));
            } else if (into == null) {
                into = aspErrors.create(new AspError(label[k.site], k.page, k.line, k.code, k.description));
            }
            into.merge(s, lineBase);
            into.key().status = Math.max(into.key().status, k.status);
        }
    }

    /** Writes the whole aggregate as a JSON object, for an aggregate file (see {@link #read}). */
    public void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("labels");
        for (String label : sites) {
            g.writeString(label);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("keys");
        for (KeyStats<Key> s : keys.inOrder()) {
            Key k = s.key();
            g.writeStartObject();
            g.writeNumberField("server", k.server());
            g.writeNumberField("site", k.site());
            g.writeNumberField("status", k.status());
            g.writeNumberField("substatus", k.substatus());
            g.writeNumberField("win32", k.win32());
            s.write(g);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("timeTaken");
        for (int site = 0; site < sites.size(); site++) {
            for (int status = 0; timeTaken[site] != null && status < STATUSES; status++) {
                Histogram h = timeTaken[site][status] == null ? null : timeTaken[site][status].histogram();
                if (h != null) {
                    ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
                    int n = h.encodeIntoCompressedByteBuffer(buf);
                    g.writeStartObject();
                    g.writeNumberField("site", site);
                    g.writeNumberField("status", status);
                    g.writeNumberField("max", maxTimeTaken[site][status]);
                    g.writeStringField("hdr", Base64.getEncoder().encodeToString(Arrays.copyOf(buf.array(), n)));
                    g.writeEndObject();
                }
            }
        }
        g.writeEndArray();
        g.writeFieldName("timeline");
        timeline.write(g);
        g.writeNumberField("first", first);
        g.writeNumberField("last", last);
        g.writeNumberField("requests", requests);
        g.writeNumberField("clientErrors", clientErrors);
        g.writeNumberField("serverErrors", serverErrors);
        g.writeNumberField("folded", folded);
        g.writeNumberField("aspFolded", aspFolded);
        g.writeArrayFieldStart("classicAsp");
        for (KeyStats<AspError> s : aspErrors.inOrder()) {
            AspError k = s.key();
            g.writeStartObject();
            g.writeNumberField("site", k.site);
            g.writeStringField("page", k.page);
            g.writeNumberField("line", k.line);
            g.writeStringField("code", k.code);
            g.writeStringField("description", k.description);
            g.writeNumberField("status", k.status);
            s.write(g);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The aggregate {@link #write} wrote, exactly (no cap is applied again). */
    public static IisLogAggregator read(JsonNode n) throws IOException {
        IisLogAggregator a = new IisLogAggregator();
        for (JsonNode label : n.get("labels")) {
            a.siteIndex(label.asText());
        }
        for (JsonNode k : n.get("keys")) {
            Key key = new Key(k.get("server").asInt(), k.get("site").asInt(), k.get("status").asInt(),
                    k.get("substatus").asInt(), k.get("win32").asLong());
            a.keys.begin().putInt(key.server()).putInt(key.site()).putInt(key.status()).putInt(key.substatus())
                    .putLong(key.win32()).create(key).read(k);
        }
        for (JsonNode h : n.get("timeTaken")) {
            int site = h.get("site").asInt();
            int status = h.get("status").asInt();
            if (a.timeTaken[site] == null) {
                a.timeTaken[site] = new TimeTakenHistogram[STATUSES];
                a.maxTimeTaken[site] = new long[STATUSES];
            }
            try {
                a.timeTaken[site][status] = TimeTakenHistogram.of(Histogram.decodeFromCompressedByteBuffer(
                        ByteBuffer.wrap(Base64.getDecoder().decode(h.get("hdr").asText())), 0));
            } catch (java.util.zip.DataFormatException e) {
                throw new IOException("corrupt time-taken histogram for site " + site + ", status " + status, e);
            }
            a.maxTimeTaken[site][status] = h.get("max").asLong();
            a.histograms++;
        }
        a.timeline.merge(Timeline.read(n.get("timeline")));
        a.first = n.get("first").asLong();
        a.last = n.get("last").asLong();
        a.requests = n.get("requests").asLong();
        a.clientErrors = n.get("clientErrors").asLong();
        a.serverErrors = n.get("serverErrors").asLong();
        a.folded = n.get("folded").asLong();
        a.aspFolded = n.get("aspFolded").asLong();
        for (JsonNode k : n.get("classicAsp")) {
            AspError e = new AspError(k.get("site").asInt(), k.get("page").asText(), k.get("line").asInt(),
                    k.get("code").asText(), k.get("description").asText());
            e.status = k.get("status").asInt();
            boolean foldKey = e.site == a.otherSite && OTHER_ASP.equals(e.page);
            KeyTable<AspError> t = foldKey ? a.aspErrors.begin().putInt(a.otherSite).putInt(-1)
                    : a.aspErrors.begin().putInt(e.site).putText(e.page).putInt(e.line).putText(e.code);
            t.create(e).read(k);
        }
        return a;
    }

    /** Empties the aggregate for reuse on another block, keeping its arrays and histograms to reuse. */
    void clear() {
        unlogged.clear();
        for (int site = 0; site < timeTaken.length; site++) {
            TimeTakenHistogram[] bySite = timeTaken[site];
            for (int status = 0; bySite != null && status < STATUSES; status++) {
                if (bySite[status] != null) {
                    spare.push(bySite[status]);
                    bySite[status] = null;
                    maxTimeTaken[site][status] = 0;
                }
            }
        }
        histograms = 0;
        sites.clear();
        siteIds.clear();
        keys.clear();
        java.util.Arrays.fill(recent, null);
        timeline.clear();
        first = Long.MAX_VALUE;
        last = Long.MIN_VALUE;
        requests = 0;
        clientErrors = 0;
        serverErrors = 0;
        folded = 0;
        aspErrors.clear();
        aspFolded = 0;
        otherSite = siteIndex(OTHER_SITE);
    }

    /** Entries folded into the "(other)" key because {@link #MAX_KEYS} was reached. */
    public long foldedEntries() {
        return folded;
    }

    /** Counts per (server, site, status, substatus, win32), ordered by those. */
    public List<IisStatusCount> statusCounts() {
        Comparator<Key> order = Comparator.comparing((Key k) -> sites.get(k.server()))
                .thenComparing(k -> sites.get(k.site()))
                .thenComparingInt(Key::status).thenComparingInt(Key::substatus).thenComparingLong(Key::win32);
        return keys.sorted(order).stream().map(s -> {
            Key k = s.key();
            return new IisStatusCount(sites.get(k.server()), sites.get(k.site()), k.status(), k.substatus(), k.win32(),
                    s.count(), s.firstSeen(), s.lastSeen(), s.topUris(), s.samples(), s.timeTakenRange(), s.topClients(), s.topMethods(),
                    s.topVersions(), s.longestQuery(), s.webSocketUpgrades());
        }).toList();
    }

    /** time-taken (ms) percentiles per (site, status), ordered by site then status. */
    public List<TimeTakenSummary> timeTaken() {
        List<TimeTakenSummary> out = new ArrayList<>();
        for (int site = 0; site < sites.size(); site++) {
            TimeTakenHistogram[] bySite = timeTaken[site];
            for (int status = 0; bySite != null && status < STATUSES; status++) {
                Histogram h = bySite[status] == null ? null : bySite[status].histogram();
                if (h != null) {
                    // HDR buckets report a bucket's upper edge; never show a percentile above the exact max
                    long max = maxTimeTaken[site][status];
                    out.add(new TimeTakenSummary(sites.get(site), status, h.getTotalCount(),
                            Math.min(max, h.getValueAtPercentile(50)), Math.min(max, h.getValueAtPercentile(90)),
                            Math.min(max, h.getValueAtPercentile(99)), max));
                }
            }
        }
        out.sort(Comparator.comparing(TimeTakenSummary::site).thenComparingInt(TimeTakenSummary::status));
        return out;
    }

    public Optional<IisLogWindow> window() {
        if (requests == 0) {
            return Optional.empty();
        }
        return Optional.of(new IisLogWindow(Instant.ofEpochSecond(first), Instant.ofEpochSecond(last),
                requests, clientErrors, serverErrors));
    }

    public Timeline timeline() {
        return timeline;
    }
}
