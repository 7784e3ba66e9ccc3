package org.iisdiag.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Object streams that carry records as plain data ({@link RecordData}: the record's class name and its
 * component values) and rebuild them through the canonical constructor, by reflection. The JDK's own
 * record deserialization builds a tree of method handles per record class, which in a fresh JVM spins
 * over a hundred LambdaForm classes for the catalogs alone (about 100 ms of a 140 ms catalog read); a
 * reflective constructor call costs nothing comparable. Semantics stay those of record serialization:
 * the canonical constructor runs, with its checks, on every value read. Records that form a cycle are
 * not supported (the catalogs have none: they are trees of values).
 */
final class RecordStreams {
    private RecordStreams() {
    }

    /** A record as written: its class and its components in declaration order. */
    static final class RecordData implements Serializable {
        private static final long serialVersionUID = 1L;
        final String type;
        final Object[] components;

        RecordData(String type, Object[] components) {
            this.type = type;
            this.components = components;
        }
    }

    /** Writes every {@link Serializable} record as {@link RecordData}. */
    static ObjectOutputStream output(OutputStream out) throws IOException {
        return new ObjectOutputStream(out) {
            {
                enableReplaceObject(true);
            }

            @Override
            protected Object replaceObject(Object obj) throws IOException {
                if (obj instanceof Record && obj instanceof Serializable) {
                    RecordComponent[] rc = obj.getClass().getRecordComponents();
                    Object[] values = new Object[rc.length];
                    for (int i = 0; i < rc.length; i++) {
                        try {
                            rc[i].getAccessor().setAccessible(true);
                            values[i] = rc[i].getAccessor().invoke(obj);
                        } catch (ReflectiveOperationException | RuntimeException e) {
                            throw new IOException("cannot read record component " + rc[i].getName() + " of "
                                    + obj.getClass().getName(), e);
                        }
                    }
                    return new RecordData(obj.getClass().getName(), values);
                }
                return obj;
            }
        };
    }

    /**
     * Reads what {@link #output} wrote. {@code allowedPrefixes} names the packages whose records may be
     * rebuilt; the stream's {@link java.io.ObjectInputFilter} still governs every other class.
     */
    static ObjectInputStream input(InputStream in, String... allowedPrefixes) throws IOException {
        Map<String, Constructor<?>> constructors = new ConcurrentHashMap<>();
        return new ObjectInputStream(in) {
            {
                enableResolveObject(true);
            }

            @Override
            protected Object resolveObject(Object obj) throws IOException {
                if (!(obj instanceof RecordData data)) {
                    return obj;
                }
                Constructor<?> ctor = constructors.get(data.type);
                if (ctor == null) {
                    ctor = canonical(data.type, allowedPrefixes);
                    constructors.put(data.type, ctor);
                }
                try {
                    return ctor.newInstance(data.components);
                } catch (InvocationTargetException e) {
                    throw new java.io.InvalidObjectException("record " + data.type + " rejected its values: "
                            + e.getCause());
                } catch (ReflectiveOperationException | IllegalArgumentException e) {
                    throw new java.io.InvalidObjectException("record " + data.type + " does not match its data: " + e);
                }
            }
        };
    }

    private static Constructor<?> canonical(String type, String[] allowedPrefixes) throws IOException {
        boolean allowed = false;
        for (String prefix : allowedPrefixes) {
            allowed |= type.startsWith(prefix);
        }
        if (!allowed) {
            throw new java.io.InvalidClassException(type, "not a record this stream may rebuild");
        }
        try {
            Class<?> c = Class.forName(type, false, RecordStreams.class.getClassLoader());
            if (!c.isRecord() || !Serializable.class.isAssignableFrom(c)) {
                throw new java.io.InvalidClassException(type, "not a serializable record");
            }
            RecordComponent[] rc = c.getRecordComponents();
            Class<?>[] types = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                types[i] = rc[i].getType();
            }
            Constructor<?> ctor = c.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor;
        } catch (ClassNotFoundException | NoSuchMethodException | RuntimeException e) {
            throw new java.io.InvalidClassException(type, "cannot rebuild: " + e);
        }
    }
}
