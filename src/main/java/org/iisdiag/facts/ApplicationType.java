package org.iisdiag.facts;

import java.util.Locale;

/** The application stacks the article treats separately for 5xx errors. */
public enum ApplicationType {
    ASPNET_CORE("aspnetcore"),
    ASPNET("aspnet"),
    CLASSIC_ASP("classic-asp"),
    ARR("arr"),
    STATIC("static"),
    OTHER("other"),
    UNKNOWN("unknown");

    private final String key;

    ApplicationType(String key) {
        this.key = key;
    }

    /** The spelling used in env.yaml. */
    public String key() {
        return key;
    }

    public static ApplicationType fromKey(String key) {
        if (key == null) {
            return UNKNOWN;
        }
        String k = key.trim().toLowerCase(Locale.ROOT);
        for (ApplicationType t : values()) {
            if (t.key.equals(k)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown application type '" + key + "' (expected one of "
                + String.join(", ", keys()) + ")");
    }

    public static java.util.List<String> keys() {
        return java.util.Arrays.stream(values()).map(ApplicationType::key).toList();
    }
}
