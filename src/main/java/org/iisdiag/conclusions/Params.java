package org.iisdiag.conclusions;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** Key/value pairs a rule passes to fill a catalog template; sorted so identity and output are stable. */
public final class Params {
    private Params() {
    }

    public static SortedMap<String, String> of(String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name/value pairs, got " + keyValues.length + " strings");
        }
        TreeMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1] == null ? "" : keyValues[i + 1]);
        }
        return Collections.unmodifiableSortedMap(map);
    }

    /** Name/value pairs followed by more pairs, for a rule that adds its own to captured ones. */
    public static String[] with(String[] pairs, String... more) {
        String[] out = java.util.Arrays.copyOf(pairs, pairs.length + more.length);
        System.arraycopy(more, 0, out, pairs.length, more.length);
        return out;
    }

    /** "id{k=v, ...}", the identity under which conclusions of the same thing merge. */
    public static String key(String id, SortedMap<String, String> params) {
        return params.isEmpty() ? id : id + params;
    }
}
