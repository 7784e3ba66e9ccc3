package org.iisdiag.evidence.httperr;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import org.iisdiag.evidence.Timeline;
import org.iisdiag.evidence.w3c.KeyStats;
import org.iisdiag.evidence.w3c.KeyTable;
import org.iisdiag.evidence.w3c.W3cRecord;
import org.iisdiag.facts.HttpErrCount;

/**
 * HTTPERR entries of a case aggregated by (server, s-reason, sc-status, s-siteid, s-queuename) with first/last
 * seen, top cs-uri values, samples and a per-minute timeline. Bounded like the IIS aggregator: beyond
 * {@link #MAX_KEYS} keys, new combinations are counted under reason {@link #OTHER_REASON}.
 */
public final class HttpErrAggregator {
    public static final int MAX_KEYS = 5_000;
    public static final String OTHER_REASON = "(other)";
    /** HTTP.sys's default UrlSegmentMaxLength: the longest path segment it accepts, in characters. */
    public static final int URL_SEGMENT_MAX_LENGTH = 260;

    record Key(String server, String reason, int status, String siteId, String queue) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::server).thenComparing(Key::reason)
            .thenComparingInt(Key::status).thenComparing(Key::siteId).thenComparing(Key::queue);

    private final KeyTable<Key> keys = new KeyTable<>(MAX_KEYS);
    private final Timeline timeline = new Timeline();
    /** Entries per minute of each s-reason, for the case's timeline; a key finds its reason's without a lookup by name. */
    private final java.util.Map<String, Timeline> perReason = new java.util.TreeMap<>();
    private final java.util.IdentityHashMap<KeyStats<Key>, Timeline> reasonOf = new java.util.IdentityHashMap<>();
    private long folded;

    /**
     * One entry of {@code server} ({@code sv} is its UTF-8, made once per file, not per line), with the
     * positions of cs-method, c-ip, s-ip and s-port (-1 when not logged): entries without a request line are
     * counted, the client addresses of 400s kept (who sends what HTTP.sys refuses), and the server address and
     * port of 400s and 404s (where requests arrived that HTTP.sys routed to no site).
     */
    void add(String server, byte[] sv, W3cRecord rec, long epochSecond, int status, int reason, int siteId, int queue,
             int uri, int method, int client, int localIp, int localPort, String file) {
        KeyStats<Key> stats = keys.begin().putBytes(sv, 0, sv.length).putInt(status).putField(rec, reason)
                .putField(rec, siteId).putField(rec, queue).get();
        if (stats == null) {
            if (keys.full()) {
                folded++;
                stats = keys.begin().putInt(status).putInt(-1).get(); // a field length is never -1: no collision
                if (stats == null) {
                    stats = keys.create(new Key("", OTHER_REASON, status, "", ""));
                }
            } else {
                stats = keys.create(new Key(server, text(rec, reason), status, text(rec, siteId), text(rec, queue)));
            }
        }
        stats.hit(epochSecond, file, rec, -1);
        stats.uri(rec, uri);
        stats.pathSegments(rec, uri, URL_SEGMENT_MAX_LENGTH);
        stats.noRequestLine(rec, method, uri);
        if (status == 400) {
            stats.client(rec, client);
        }
        if (status == 400 || status == 404) {
            stats.endpoint(rec, localIp, localPort);
        }
        timeline.add(epochSecond, status);
        reasonTimeline(stats).add(epochSecond, status);
    }

    private Timeline reasonTimeline(KeyStats<Key> stats) {
        Timeline t = reasonOf.get(stats);
        if (t == null) {
            t = perReason.computeIfAbsent(stats.key().reason(), r -> new Timeline());
            reasonOf.put(stats, t);
        }
        return t;
    }

    /** Entries per minute of each s-reason, by reason. */
    public java.util.Map<String, Timeline> reasonTimelines() {
        return java.util.Collections.unmodifiableMap(perReason);
    }

    private static String text(W3cRecord rec, int f) {
        return f < 0 ? "" : rec.text(f);
    }

    /**
     * Adds the aggregate of a later block or file, as if its entries had been added here ({@code part}'s
     * sample lines count from {@code lineBase}).
     */
    public void merge(HttpErrAggregator part, long lineBase) {
        folded += part.folded;
        for (KeyStats<Key> s : part.keys.inOrder()) {
            Key k = s.key();
            boolean foldKey = part.isFoldKey(s);
            KeyStats<Key> into = foldKey ? null : keys.begin().putText(k.server()).putInt(k.status()).putText(k.reason())
                    .putText(k.siteId()).putText(k.queue()).get();
            if (into == null && (foldKey || keys.full())) {
                if (!foldKey) {
                    folded += s.count();
                }
                into = keys.begin().putInt(k.status()).putInt(-1).getOrCreate(new Key("", OTHER_REASON, k.status(), "", ""));
            } else if (into == null) {
                into = keys.create(k);
            }
            into.merge(s, lineBase);
        }
        timeline.merge(part.timeline);
        part.perReason.forEach((r, t) -> perReason.computeIfAbsent(r, k -> new Timeline()).merge(t));
        reasonOf.clear(); // keys of this aggregate find their reason's timeline again by name
    }

    /** Whether {@code s} is the key entries beyond {@link #MAX_KEYS} fold into (it has a key of its own shape). */
    private boolean isFoldKey(KeyStats<Key> s) {
        return OTHER_REASON.equals(s.key().reason()) && s == keys.begin().putInt(s.key().status()).putInt(-1).get();
    }

    /** Writes the whole aggregate as a JSON object, for an aggregate file (see {@link #read}). */
    public void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("keys");
        for (KeyStats<Key> s : keys.inOrder()) {
            Key k = s.key();
            g.writeStartObject();
            g.writeStringField("server", k.server());
            g.writeStringField("reason", k.reason());
            g.writeNumberField("status", k.status());
            g.writeStringField("siteId", k.siteId());
            g.writeStringField("queue", k.queue());
            if (isFoldKey(s)) {
                g.writeBooleanField("fold", true);
            }
            s.write(g);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("timeline");
        timeline.write(g);
        g.writeObjectFieldStart("reasons");
        for (java.util.Map.Entry<String, Timeline> e : perReason.entrySet()) {
            g.writeFieldName(e.getKey());
            e.getValue().write(g);
        }
        g.writeEndObject();
        g.writeNumberField("folded", folded);
        g.writeEndObject();
    }

    /** The aggregate {@link #write} wrote, exactly. */
    public static HttpErrAggregator read(JsonNode n) {
        HttpErrAggregator a = new HttpErrAggregator();
        for (JsonNode k : n.get("keys")) {
            Key key = new Key(k.get("server").asText(), k.get("reason").asText(), k.get("status").asInt(),
                    k.get("siteId").asText(), k.get("queue").asText());
            boolean foldKey = k.path("fold").asBoolean(false);
            KeyTable<Key> t = foldKey ? a.keys.begin().putInt(key.status()).putInt(-1)
                    : a.keys.begin().putText(key.server()).putInt(key.status()).putText(key.reason()).putText(key.siteId())
                    .putText(key.queue());
            t.create(key).read(k);
        }
        a.timeline.merge(Timeline.read(n.get("timeline")));
        n.path("reasons").properties().forEach(e -> a.perReason.put(e.getKey(), Timeline.read(e.getValue())));
        a.folded = n.get("folded").asLong();
        return a;
    }

    /** Empties the aggregate for reuse on another block. */
    public void clear() {
        keys.clear();
        timeline.clear();
        // a reused block must not carry its reasons' minutes, nor map recycled keys to their old reasons
        perReason.clear();
        reasonOf.clear();
        folded = 0;
    }

    public long foldedEntries() {
        return folded;
    }

    /** Counts ordered by reason, status, site id, queue. */
    public List<HttpErrCount> counts() {
        return keys.sorted(ORDER).stream().map(s -> {
            Key k = s.key();
            return new HttpErrCount(k.server(), k.reason(), k.status(), k.siteId(), k.queue(), s.count(), s.firstSeen(),
                    s.lastSeen(), s.topUris(), s.samples(), s.longSegments(), s.withoutRequestLine(), s.topClients(),
                    s.topEndpoints());
        }).toList();
    }

    public Timeline timeline() {
        return timeline;
    }
}
