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
