package org.iisdiag.facts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What kind of change was made to the server before the errors (env.yaml {@code changes: what}). */
public enum ChangeKind {
    DEPLOYMENT("deployment"),
    IDENTITY("identity-change"),
    PASSWORD("password-change"),
    CONTENT_MOVE("content-move"),
    INSTALL("install"),
    UNINSTALL("uninstall"),
    CONFIGURATION("configuration"),
    OTHER("other");

    private final String key;

    ChangeKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The kind for an env.yaml value ("deployment", "identity-change", also "identity", "password", "config"). */
    public static ChangeKind fromKey(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (ChangeKind k : values()) {
            if (k.key.equals(v) || k.key.startsWith(v + "-") && !v.isEmpty()) {
                return k;
            }
        }
        if (v.equals("config")) {
            return CONFIGURATION;
        }
        throw new IllegalArgumentException("unknown change kind '" + value + "' (known: "
                + Arrays.stream(values()).map(ChangeKind::key).collect(Collectors.joining(", ")) + ")");
    }
}
