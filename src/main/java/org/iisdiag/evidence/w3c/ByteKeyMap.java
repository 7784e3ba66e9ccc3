package org.iisdiag.evidence.w3c;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Insert-only open-addressing map from a byte range to a value, so a key taken straight from the log
 * buffer can be looked up without making a String or a key object. The key bytes are copied only when
 * a new key is inserted. Callers bound its size.
 */
public final class ByteKeyMap<V> {
    private byte[][] keys = new byte[16][];
    private int[] hashes = new int[16];
    private Object[] values = new Object[16];
    private final List<V> inOrder = new ArrayList<>();

    public static int hash(byte[] b, int off, int len) {
        int h = 1;
        for (int i = off, e = off + len; i < e; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }

    public int size() {
        return inOrder.size();
    }

    /** Values in insertion order (callers sort them for output). */
    public List<V> values() {
        return inOrder;
    }

    /** Empties the map, keeping its capacity (a block's aggregate is reused for the next block). */
    public void clear() {
        if (!inOrder.isEmpty()) {
            Arrays.fill(keys, null);
            Arrays.fill(values, null);
            inOrder.clear();
        }
    }

    @SuppressWarnings("unchecked")
    public V get(byte[] b, int off, int len, int hash) {
        int mask = keys.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            byte[] k = keys[i];
            if (k == null) {
                return null;
            }
            if (hashes[i] == hash && Arrays.equals(k, 0, k.length, b, off, off + len)) {
                return (V) values[i];
            }
        }
    }

    /** Adds a key that {@link #get} did not find. */
    public void put(byte[] b, int off, int len, int hash, V value) {
        if ((inOrder.size() + 1) * 2 > keys.length) {
            grow();
        }
        insert(Arrays.copyOfRange(b, off, off + len), hash, value);
        inOrder.add(value);
    }

    private void insert(byte[] key, int hash, Object value) {
        int mask = keys.length - 1;
        int i = hash & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        hashes[i] = hash;
        values[i] = value;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        int[] oldHashes = hashes;
        Object[] oldValues = values;
        keys = new byte[oldKeys.length * 2][];
        hashes = new int[oldKeys.length * 2];
        values = new Object[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                insert(oldKeys[i], oldHashes[i], oldValues[i]);
            }
        }
    }
}
