package org.iisdiag.evidence.w3c;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import org.iisdiag.facts.UriCount;

/**
 * Space-Saving heavy-hitter sketch (Metwally et al.): at most {@code capacity} URIs are tracked, so
 * memory is fixed whatever the number of distinct URIs. A URI that is not tracked evicts the one with
 * the smallest count and inherits that count as its over-estimate ({@code error}). Any URI whose true
 * count exceeds total/capacity is guaranteed to be tracked.
 *
 * <p>Lookup is by bytes from the log buffer: a scan over {@code capacity} int hashes, then a byte
 * compare; a String is only made at output.
 */
public final class TopUriSketch {
    private final byte[][] uris;
    private final int[] hashes;
    private final long[] counts;
    private final long[] errors;
    private int size;

    public TopUriSketch(int capacity) {
        uris = new byte[capacity][];
        hashes = new int[capacity];
        counts = new long[capacity];
        errors = new long[capacity];
    }

    public void add(byte[] b, int off, int len) {
        int h = ByteKeyMap.hash(b, off, len);
        for (int i = 0; i < size; i++) {
            if (hashes[i] == h && Arrays.equals(uris[i], 0, uris[i].length, b, off, off + len)) {
                counts[i]++;
                return;
            }
        }
        int slot;
        long floor = 0;
        if (size < uris.length) {
            slot = size++;
        } else {
            slot = 0;
            for (int i = 1; i < size; i++) {
                if (counts[i] < counts[slot]) {
                    slot = i;
                }
            }
            floor = counts[slot];
        }
        uris[slot] = Arrays.copyOfRange(b, off, off + len);
        hashes[slot] = h;
        counts[slot] = floor + 1;
        errors[slot] = floor;
    }

    /**
     * Folds in the sketch of a later part of the logs (mergeable summaries, Agarwal et al. 2012): a URI
     * tracked by one sketch only is credited with the other's smallest count when that one is full (it
     * may have evicted the URI), counts and error bounds add up, and the {@code capacity} largest stay,
     * ties broken by the URI's bytes so the result is deterministic.
     */
    public void merge(TopUriSketch other) {
        if (mergeInPlace(other)) {
            return;
        }
        long floorA = size == uris.length ? min() : 0;
        long floorB = other.size == other.uris.length ? other.min() : 0;
        int total = size + other.size;
        byte[][] u = new byte[total][];
        int[] h = new int[total];
        long[] c = new long[total];
        long[] e = new long[total];
        int n = 0;
        boolean[] matched = new boolean[other.size];
        for (int i = 0; i < size; i++) {
            int j = other.find(uris[i], hashes[i]);
            u[n] = uris[i];
            h[n] = hashes[i];
            if (j >= 0) {
                matched[j] = true;
                c[n] = counts[i] + other.counts[j];
                e[n] = errors[i] + other.errors[j];
            } else {
                c[n] = counts[i] + floorB;
                e[n] = errors[i] + floorB;
            }
            n++;
        }
        for (int j = 0; j < other.size; j++) {
            if (!matched[j]) {
                u[n] = other.uris[j];
                h[n] = other.hashes[j];
                c[n] = other.counts[j] + floorA;
                e[n] = other.errors[j] + floorA;
                n++;
            }
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> c[x] != c[y] ? Long.compare(c[y], c[x]) : Arrays.compare(u[x], u[y]));
        size = Math.min(n, uris.length);
        for (int i = 0; i < size; i++) {
            int k = order[i];
            uris[i] = u[k];
            hashes[i] = h[k];
            counts[i] = c[k];
            errors[i] = e[k];
        }
    }

    /** Writes the sketch for an aggregate file: URIs as ISO-8859-1 text, so any bytes survive. */
    public void write(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException {
        g.writeStartArray();
        for (int i = 0; i < size; i++) {
            g.writeStartArray();
            g.writeString(new String(uris[i], StandardCharsets.ISO_8859_1));
            g.writeNumber(counts[i]);
            g.writeNumber(errors[i]);
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /** The sketch {@link #write} wrote. */
    public static TopUriSketch read(com.fasterxml.jackson.databind.JsonNode n, int capacity) {
        TopUriSketch s = new TopUriSketch(capacity);
        for (com.fasterxml.jackson.databind.JsonNode e : n) {
            byte[] uri = e.get(0).asText().getBytes(StandardCharsets.ISO_8859_1);
            s.uris[s.size] = uri;
            s.hashes[s.size] = ByteKeyMap.hash(uri, 0, uri.length);
            s.counts[s.size] = e.get(1).asLong();
            s.errors[s.size] = e.get(2).asLong();
            s.size++;
        }
        return s;
    }

    /**
     * The common case without allocating: neither sketch is full (so no URI was ever evicted, nothing to
     * credit) and their union fits. Gives the same entries as the general merge, whose order is only
     * that of output, which sorts.
     */
    private boolean mergeInPlace(TopUriSketch other) {
        if (size == uris.length || other.size == other.uris.length) {
            return false;
        }
        int added = 0;
        for (int j = 0; j < other.size; j++) {
            if (find(other.uris[j], other.hashes[j]) < 0) {
                added++;
            }
        }
        if (size + added > uris.length) {
            return false;
        }
        for (int j = 0; j < other.size; j++) {
            int i = find(other.uris[j], other.hashes[j]);
            if (i < 0) {
                i = size++;
                uris[i] = other.uris[j];
                hashes[i] = other.hashes[j];
            }
            counts[i] += other.counts[j];
            errors[i] += other.errors[j];
        }
        return true;
    }

    private int find(byte[] uri, int hash) {
        for (int i = 0; i < size; i++) {
            if (hashes[i] == hash && Arrays.equals(uris[i], uri)) {
                return i;
            }
        }
        return -1;
    }

    private long min() {
        long m = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            m = Math.min(m, counts[i]);
        }
        return m;
    }

    /**
     * The {@code n} most frequent URIs, count descending then URI ascending (deterministic ties).
     *
     * @param display applied to each URI before it leaves the sketch (e.g. redaction of a query)
     */
    public List<UriCount> top(int n, UnaryOperator<String> display) {
        List<UriCount> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(new UriCount(display.apply(new String(uris[i], StandardCharsets.UTF_8)), counts[i], errors[i]));
        }
        all.sort(Comparator.comparingLong(UriCount::count).reversed().thenComparing(UriCount::uri));
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }
}
