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

    /** "actionId{k=v, ...}", the identity under which recommendations of the same thing merge. */
    public static String key(String id, SortedMap<String, String> params) {
        return params.isEmpty() ? id : id + params;
    }
}
