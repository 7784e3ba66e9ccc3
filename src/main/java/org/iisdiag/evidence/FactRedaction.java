package org.iisdiag.evidence;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last step of every reader in the case-folder readers' area: each fact is a record, and every string
 * in it (fields, lists, maps, nested records such as samples) goes through {@link Redactor#redact} once
 * more. The readers redact where they cut text too (a secret must be masked before it is shortened); this
 * pass is the guarantee that a field someone adds later cannot leak.
 */
public final class FactRedaction {
    private FactRedaction() {
    }

    /** The facts with every string redacted; facts without a secret are returned as they are. */
    public static List<Object> redact(List<?> facts) {
        List<Object> out = new ArrayList<>(facts.size());
        for (Object f : facts) {
            out.add(value(f));
        }
        return out;
    }

    /** One value (a fact, a record of facts) with every string redacted. */
    @SuppressWarnings("unchecked")
    public static <T> T redactOne(T value) {
        return (T) value(value);
    }

    private static Object value(Object v) {
        if (v instanceof String s) {
            return Redactor.DEFAULT.redact(s);
        }
        if (v instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            boolean changed = false;
            for (Object o : l) {
                Object r = value(o);
                changed |= r != o;
                copy.add(r);
            }
            return changed ? Collections.unmodifiableList(copy) : v;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                // keys too: an environment variable's name is data from the case (a fuzz finding)
                Object k = value(e.getKey());
                Object r = value(e.getValue());
                changed |= r != e.getValue() || k != e.getKey();
                copy.put(k, r);
            }
            return changed ? Collections.unmodifiableMap(copy) : v;
        }
        if (v instanceof Record r) {
            return record(r);
        }
        return v;
    }

    private static Object record(Record r) {
        RecordComponent[] parts = r.getClass().getRecordComponents();
        Object[] values = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        boolean changed = false;
        try {
            for (int i = 0; i < parts.length; i++) {
                Object before = parts[i].getAccessor().invoke(r);
                values[i] = value(before);
                changed |= values[i] != before && !values[i].equals(before);
                types[i] = parts[i].getType();
            }
            if (!changed) {
                return r;
            }
            Constructor<?> c = r.getClass().getDeclaredConstructor(types);
            return c.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot redact " + r.getClass().getSimpleName() + ": "
                    + (e instanceof InvocationTargetException ite ? ite.getCause() : e), e);
        }
    }
}
