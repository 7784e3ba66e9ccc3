package org.iisdiag.evidence.w3c;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Aggregation keys built from a line without allocating: the caller appends the key's parts (numbers,
 * fields) to a reusable byte buffer and looks the result up; a key object is made only for a new key.
 * At most {@code maxKeys} keys are created, so hostile or garbled logs cannot grow it without bound.
 */
public final class KeyTable<K> {
    private final ByteKeyMap<KeyStats<K>> map = new ByteKeyMap<>();
    private final int maxKeys;
    private byte[] key = new byte[64];
    private int len;

    public KeyTable(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    /** Starts a new key. */
    public KeyTable<K> begin() {
        len = 0;
        return this;
    }

    public KeyTable<K> putInt(int v) {
        ensure(4);
        key[len++] = (byte) (v >>> 24);
        key[len++] = (byte) (v >>> 16);
        key[len++] = (byte) (v >>> 8);
        key[len++] = (byte) v;
        return this;
    }

    public KeyTable<K> putLong(long v) {
        return putInt((int) (v >>> 32)).putInt((int) v);
    }

    /** Appends a field, length-prefixed so parts cannot run into each other; absent or "-" is empty. */
    public KeyTable<K> putField(W3cRecord rec, int f) {
        if (f < 0 || rec.isDash(f)) {
            return putInt(0);
        }
        int n = rec.length(f);
        putInt(n);
        ensure(n);
        System.arraycopy(rec.buffer(), rec.start(f), key, len, n);
        len += n;
        return this;
    }

    /** Appends part of a buffer, length-prefixed like {@link #putField}. */
    public KeyTable<K> putBytes(byte[] b, int off, int n) {
        putInt(n);
        ensure(n);
        System.arraycopy(b, off, key, len, n);
        len += n;
        return this;
    }

    /** The stats of the key built since {@link #begin()}, or null if it is new. */
    public KeyStats<K> get() {
        return map.get(key, 0, len, ByteKeyMap.hash(key, 0, len));
    }

    public boolean full() {
        return map.size() >= maxKeys;
    }

    /** Creates the stats for the key built since {@link #begin()} (which {@link #get()} did not find). */
    public KeyStats<K> create(K k) {
        KeyStats<K> s = new KeyStats<>(k);
        map.put(key, 0, len, ByteKeyMap.hash(key, 0, len), s);
        return s;
    }

    /** Appends a string's UTF-8 bytes, exactly as {@link #putField} appends a field with that text ("" as "-"). */
    public KeyTable<K> putText(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return putBytes(b, 0, b.length);
    }

    /** The stats of the key built since {@link #begin()}, created for {@code k} when new. */
    public KeyStats<K> getOrCreate(K k) {
        KeyStats<K> s = get();
        return s != null ? s : create(k);
    }

    /** Keys with their stats, in the order they were created. */
    public List<KeyStats<K>> inOrder() {
        return map.values();
    }

    /** Forgets every key (see {@link ByteKeyMap#clear}). */
    public void clear() {
        map.clear();
    }

    public int size() {
        return map.size();
    }

    public List<KeyStats<K>> sorted(Comparator<K> order) {
        List<KeyStats<K>> out = new ArrayList<>(map.values());
        out.sort(Comparator.comparing(KeyStats::key, order));
        return out;
    }

    private void ensure(int n) {
        if (len + n > key.length) {
            key = java.util.Arrays.copyOf(key, Math.max(key.length * 2, len + n));
        }
    }
}
