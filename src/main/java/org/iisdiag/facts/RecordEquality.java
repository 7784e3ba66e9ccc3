package org.iisdiag.facts;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Objects;

/**
 * A record's equals and hashCode, with exactly the results of the ones the compiler generates, without
 * their start-up cost.
 *
 * <p>The generated methods are linked on first use through {@code java.lang.runtime.ObjectMethods}, which
 * builds a method-handle tree per record class: 3-4 ms per class under the launcher's client compiler.
 * Drools hashes facts (logical insertions, results of {@code from}, indexed joins) and catalog entries, so
 * a diagnosis linked 25-35 record classes on its critical path, about 0.1 s of every run. The facts and
 * catalog records therefore declare {@code equals} and {@code hashCode} through this class, which reads
 * the same component fields in the same order: equals compares each field as {@code Objects.equals} does
 * (boxed, so floating-point fields compare as {@code Double.compare}, as the generated method does) and
 * hashCode folds {@code 31 * h + hash(field)} from 0, so hash values, and the order of every hash-based
 * collection, are unchanged.
 */
public final class RecordEquality {
    private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Field[] fields = new Field[components.length];
            for (int i = 0; i < components.length; i++) {
                try {
                    fields[i] = type.getDeclaredField(components[i].getName());
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(type.getName() + " has no field for component " + components[i].getName(), e);
                }
                fields[i].setAccessible(true);
            }
            return fields;
        }
    };

    private RecordEquality() {
    }

    /** What the generated {@code equals} returns. */
    public static boolean equal(Record self, Object other) {
        if (self == other) {
            return true;
        }
        if (other == null || other.getClass() != self.getClass()) {
            return false;
        }
        try {
            for (Field f : FIELDS.get(self.getClass())) {
                if (!Objects.equals(f.get(self), f.get(other))) {
                    return false;
                }
            }
            return true;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the generated {@code hashCode} returns. */
    public static int hash(Record self) {
        int h = 0;
        try {
            for (Field f : FIELDS.get(self.getClass())) {
                h = 31 * h + Objects.hashCode(f.get(self));
            }
            return h;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
