package org.iisdiag.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entries per time bucket and status class (1xx..5xx, and class 0 for "no status", e.g. an HTTPERR
 * connection time-out). Buckets are one minute wide; memory stays bounded because, once more than
 * {@code maxBuckets} buckets exist, the bucket width doubles (2, 4, 8 ... minutes) and existing buckets
 * are folded together. 100,000 one-minute buckets cover about 69 days, so real cases stay per minute.
 * Output is sorted by bucket start, so it is deterministic.
 */
public final class Timeline {
    public static final int DEFAULT_MAX_BUCKETS = 100_000;
    public static final int CLASSES = 6;

    private final int maxBuckets;
    private long bucketSeconds = 60;
    private final Map<Long, long[]> buckets = new HashMap<>();
    // logs are mostly chronological: the current bucket is looked up without boxing or hashing
    private long lastStart = Long.MIN_VALUE;
    private long[] lastCounts;

    public Timeline() {
        this(DEFAULT_MAX_BUCKETS);
    }

    public Timeline(int maxBuckets) {
        if (maxBuckets < 1) {
            throw new IllegalArgumentException("maxBuckets must be positive");
        }
        this.maxBuckets = maxBuckets;
    }

    /** Status class used for bucketing: 1..5 for statuses 100-599, 0 otherwise (none, "-", odd values). */
    public static int classOf(int status) {
        return status >= 100 && status <= 599 ? status / 100 : 0;
    }

    public void add(long epochSecond, int status) {
        add(epochSecond, classOf(status), 1);
    }

    private void add(long epochSecond, int cls, long n) {
        if (lastCounts != null && epochSecond >= lastStart && epochSecond - lastStart < bucketSeconds) { // current bucket: no division
            lastCounts[cls] += n;
            return;
        }
        long start = Math.floorDiv(epochSecond, bucketSeconds) * bucketSeconds;
        if (start != lastStart) {
            long[] c = buckets.get(start);
            if (c == null) {
                c = new long[CLASSES];
                buckets.put(start, c);
                if (buckets.size() > maxBuckets) {
                    coarsen(bucketSeconds * 2);
                    add(epochSecond, cls, n);
                    return;
                }
            }
            lastStart = start;
            lastCounts = c;
        }
        lastCounts[cls] += n;
    }

    /** Adds every count of {@code other} (coarsening to the wider bucket width of the two). */
    public void merge(Timeline other) {
        if (other.bucketSeconds > bucketSeconds) {
            coarsen(other.bucketSeconds);
        }
        for (Map.Entry<Long, long[]> e : other.buckets.entrySet()) {
            for (int cls = 0; cls < CLASSES; cls++) {
                if (e.getValue()[cls] != 0) {
                    add(e.getKey(), cls, e.getValue()[cls]);
                }
            }
        }
    }

    /** A copy with every entry {@code seconds} later (earlier when negative), in buckets as wide as these. */
    public Timeline shifted(long seconds) {
        Timeline t = new Timeline(maxBuckets);
        t.bucketSeconds = bucketSeconds;
        for (Map.Entry<Long, long[]> e : buckets.entrySet()) {
            for (int cls = 0; cls < CLASSES; cls++) {
                if (e.getValue()[cls] != 0) {
                    t.add(e.getKey() + seconds, cls, e.getValue()[cls]);
                }
            }
        }
        return t;
    }

    private void coarsen(long width) {
        while (true) {
            Map<Long, long[]> old = new HashMap<>(buckets);
            buckets.clear();
            bucketSeconds = width;
            for (Map.Entry<Long, long[]> e : old.entrySet()) {
                long start = Math.floorDiv(e.getKey(), width) * width;
                long[] c = buckets.computeIfAbsent(start, k -> new long[CLASSES]);
                for (int i = 0; i < CLASSES; i++) {
                    c[i] += e.getValue()[i];
                }
            }
            if (buckets.size() <= maxBuckets) {
                break;
            }
            width *= 2;
        }
        lastStart = Long.MIN_VALUE;
        lastCounts = null;
    }

    /** Writes the timeline for an aggregate file: the bucket width, then [start, counts per class...] by start. */
    public void write(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
        g.writeStartObject();
        g.writeNumberField("bucketSeconds", bucketSeconds);
        g.writeArrayFieldStart("buckets");
        for (Map.Entry<Long, long[]> e : new java.util.TreeMap<>(buckets).entrySet()) {
            g.writeStartArray();
            g.writeNumber(e.getKey());
            for (long c : e.getValue()) {
                g.writeNumber(c);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** The timeline {@link #write} wrote. */
    public static Timeline read(com.fasterxml.jackson.databind.JsonNode n) {
        Timeline t = new Timeline();
        t.bucketSeconds = n.get("bucketSeconds").asLong();
        for (com.fasterxml.jackson.databind.JsonNode b : n.get("buckets")) {
            long[] c = new long[CLASSES];
            for (int i = 0; i < CLASSES; i++) {
                c[i] = b.get(i + 1).asLong();
            }
            t.buckets.put(b.get(0).asLong(), c);
        }
        return t;
    }

    /** Empties the timeline (back to one-minute buckets). */
    public void clear() {
        buckets.clear();
        bucketSeconds = 60;
        lastStart = Long.MIN_VALUE;
        lastCounts = null;
    }

    /** Width of a bucket: 60 unless the timeline had to be coarsened. */
    public long bucketSeconds() {
        return bucketSeconds;
    }

    public boolean coarsened() {
        return bucketSeconds > 60;
    }

    /** Tells a reader's report when and how far the timeline was coarsened. */
    public void noteCoarsening(ReadReport report) {
        if (coarsened()) {
            report.note("timeline coarsened to " + bucketSeconds / 60 + "-minute buckets to stay within "
                    + maxBuckets + " buckets");
        }
    }

    public int size() {
        return buckets.size();
    }

    public boolean isEmpty() {
        return buckets.isEmpty();
    }

    /** All buckets with at least one entry, by start time. */
    public List<Bucket> buckets() {
        List<Bucket> out = new ArrayList<>(buckets.size());
        buckets.forEach((start, c) -> out.add(new Bucket(Instant.ofEpochSecond(start), c.clone())));
        out.sort(Comparator.comparing(Bucket::start));
        return out;
    }

    /** The {@code n} buckets with the most entries of a status class (most first, earlier first on ties). */
    public List<Bucket> peaks(int statusClass, int n) {
        return buckets().stream()
                .filter(b -> b.count(statusClass) > 0)
                .sorted(Comparator.comparingLong((Bucket b) -> b.count(statusClass)).reversed()
                        .thenComparing(Bucket::start))
                .limit(n)
                .toList();
    }

    /** Total entries of a status class over the whole timeline. */
    public long total(int statusClass) {
        long t = 0;
        for (long[] c : buckets.values()) {
            t += c[statusClass];
        }
        return t;
    }

    /** One time bucket: its start and the entries per status class (index 0 = no status). */
    public static final class Bucket {
        private final Instant start;
        private final long[] counts;

        Bucket(Instant start, long[] counts) {
            this.start = start;
            this.counts = counts;
        }

        public Instant start() {
            return start;
        }

        public long count(int statusClass) {
            return counts[statusClass];
        }

        public long total() {
            long t = 0;
            for (long c : counts) {
                t += c;
            }
            return t;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bucket b && start.equals(b.start) && java.util.Arrays.equals(counts, b.counts);
        }

        @Override
        public int hashCode() {
            return start.hashCode() * 31 + java.util.Arrays.hashCode(counts);
        }

        @Override
        public String toString() {
            return start + " " + java.util.Arrays.toString(counts);
        }
    }
}
