package org.iisdiag.knowledge;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.iisdiag.facts.RecordEquality;

/**
 * When a catalog step applies, in terms of the case's values: {@code when: {win32: 12002}} keeps a step
 * only for that win32 code; {@code unless: {internetFacing: "true"}} drops it on exposed servers. A fact
 * of the case it does not know ({@link #CASE_FACTS}) neither keeps nor drops the step: it is shown with
 * its condition spelled out ("If hostingModel is InProcess: ..."); a parameter the conclusion lacks is
 * another variant of the problem (a {@code when} on it drops the step, an {@code unless} keeps it). Values compare case-insensitively; a {@code *} in a value
 * matches any run of characters ({@code "*$"}: ending in $). A lone {@code "*"} asks whether the case knows
 * the value at all, which is always decided: {@code when: {window: "*"}} keeps a step only where the window
 * is known, {@code unless: {window: "*"}} only where it is not. A value that merged several conclusions
 * ("404.7; 404.11") is a list: {@code when} keeps the step if any element matches, {@code unless} drops it
 * only if every element does.
 */
public record Condition(Map<String, List<String>> when, Map<String, List<String>> unless) implements java.io.Serializable {
    public static final Condition ALWAYS = new Condition(Map.of(), Map.of());

    /** What the condition says about a step for this case. */
    public enum Verdict { SHOW, DROP, SHOW_WITH_CONDITION }

    public Condition {
        when = Map.copyOf(new TreeMap<>(when));
        unless = Map.copyOf(new TreeMap<>(unless));
    }

    public boolean always() {
        return when.isEmpty() && unless.isEmpty();
    }

    /** The parameters the condition reads. */
    public java.util.Set<String> names() {
        java.util.Set<String> names = new java.util.TreeSet<>(when.keySet());
        names.addAll(unless.keySet());
        return names;
    }

    /**
     * Facts about the case that a case may simply not record (env.yaml left them out): a step that
     * depends on one of them is shown with its condition when it is unknown. Any other name is a
     * parameter of the conclusion: when the conclusion has none, the step is not about it.
     */
    public static final java.util.Set<String> CASE_FACTS = java.util.Set.of("stack", "internetFacing",
            "tracingInstalled", "hostingModel", "identityType", "iisVersion");

    /** @param values the case's value of a parameter, or null (or "") when the case does not know it */
    public Verdict evaluate(Function<String, String> values) {
        boolean unknown = false;
        for (Map.Entry<String, List<String>> c : new TreeMap<>(when).entrySet()) {
            String v = values.apply(c.getKey());
            if (v == null || v.isEmpty()) {
                if (knownness(c.getValue()) || !CASE_FACTS.contains(c.getKey())) {
                    return Verdict.DROP;
                }
                unknown = true;
            } else if (elements(v).stream().noneMatch(e -> matches(c.getValue(), e))) {
                return Verdict.DROP;
            }
        }
        for (Map.Entry<String, List<String>> c : new TreeMap<>(unless).entrySet()) {
            String v = values.apply(c.getKey());
            if (v == null || v.isEmpty()) {
                unknown |= !knownness(c.getValue()) && CASE_FACTS.contains(c.getKey());
            } else if (elements(v).stream().allMatch(e -> matches(c.getValue(), e))) {
                return Verdict.DROP;
            }
        }
        return unknown ? Verdict.SHOW_WITH_CONDITION : Verdict.SHOW;
    }

    /** "If hostingModel is InProcess and win32 is not 12002: " for a step shown although a value is unknown. */
    public String prefix(Function<String, String> values) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(when).forEach((name, allowed) -> {
            String v = values.apply(name);
            if ((v == null || v.isEmpty()) && !knownness(allowed) && CASE_FACTS.contains(name)) {
                b.append(b.length() == 0 ? "If " : " and ").append(name).append(" is ").append(String.join(" or ", allowed));
            }
        });
        new TreeMap<>(unless).forEach((name, denied) -> {
            String v = values.apply(name);
            if ((v == null || v.isEmpty()) && !knownness(denied) && CASE_FACTS.contains(name)) {
                b.append(b.length() == 0 ? "If " : " and ").append(name).append(" is not ").append(String.join(" or ", denied));
            }
        });
        return b.length() == 0 ? "" : b.append(": ").toString();
    }

    /** A lone "*": the condition asks whether the value is known, which an unknown value answers. */
    private static boolean knownness(List<String> patterns) {
        return patterns.size() == 1 && patterns.get(0).strip().equals("*");
    }

    /** The elements of a value that merged several conclusions ("404.7; 404.11"), or the value itself. */
    private static List<String> elements(String value) {
        return value.contains("; ") ? List.of(value.split("; ")) : List.of(value);
    }

    private static boolean matches(List<String> allowed, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return allowed.stream().anyMatch(a -> glob(a.strip().toLowerCase(Locale.ROOT), v));
    }

    /** Whether {@code value} matches {@code pattern}, where '*' stands for any run of characters. */
    static boolean glob(String pattern, String value) {
        if (pattern.indexOf('*') < 0) {
            return pattern.equals(value);
        }
        String[] parts = pattern.split("\\*", -1);
        if (!value.startsWith(parts[0])) {
            return false;
        }
        int at = parts[0].length();
        for (int i = 1; i < parts.length - 1; i++) {
            int found = value.indexOf(parts[i], at);
            if (found < 0) {
                return false;
            }
            at = found + parts[i].length();
        }
        String last = parts[parts.length - 1];
        return value.length() - at >= last.length() && value.endsWith(last);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
