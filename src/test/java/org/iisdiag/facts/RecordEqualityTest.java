package org.iisdiag.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class RecordEqualityTest {
    /** The compiler's equals and hashCode. */
    record Generated(String s, int i, long l, double d, float f, boolean b, char c, List<String> list, int[] array) {
    }

    /** The same components through RecordEquality. */
    record Declared(String s, int i, long l, double d, float f, boolean b, char c, List<String> list, int[] array) {
        @Override
        public boolean equals(Object other) {
            return RecordEquality.equal(this, other);
        }

        @Override
        public int hashCode() {
            return RecordEquality.hash(this);
        }
    }

    private static final int[] ARRAY = {1, 2};
    private static final Object[][] VALUES = {
        {"a", 1, 2L, 0.5, 0.25f, true, 'x', List.of("p"), ARRAY},
        {null, 1, 2L, 0.5, 0.25f, true, 'x', List.of("p"), ARRAY},
        {"a", -7, 2L, 0.5, 0.25f, false, 'x', null, ARRAY},
        {"a", 1, 2L, Double.NaN, Float.NaN, true, 'x', List.of("p"), ARRAY},
        {"a", 1, 2L, -0.0, -0.0f, true, 'x', List.of("p"), ARRAY},
        {"a", 1, 2L, 0.0, 0.0f, true, 'x', List.of("p"), ARRAY},
        {"a", 1, Long.MIN_VALUE, 0.5, 0.25f, true, '\u0000', List.of(), ARRAY},
        {"a", 1, 2L, 0.5, 0.25f, true, 'x', List.of("p"), new int[] {1, 2}}, // equal content, another array
    };

    private static Generated generated(Object[] v) {
        return new Generated((String) v[0], (int) v[1], (long) v[2], (double) v[3], (float) v[4], (boolean) v[5],
                (char) v[6], cast(v[7]), (int[]) v[8]);
    }

    private static Declared declared(Object[] v) {
        return new Declared((String) v[0], (int) v[1], (long) v[2], (double) v[3], (float) v[4], (boolean) v[5],
                (char) v[6], cast(v[7]), (int[]) v[8]);
    }

    @SuppressWarnings("unchecked")
    private static List<String> cast(Object o) {
        return (List<String>) o;
    }

    @Test
    void hashesAsTheGeneratedMethod() {
        for (Object[] v : VALUES) {
            assertThat(declared(v).hashCode()).as(Arrays.deepToString(v)).isEqualTo(generated(v).hashCode());
        }
    }

    @Test
    void comparesAsTheGeneratedMethod() {
        for (Object[] a : VALUES) {
            for (Object[] b : VALUES) {
                assertThat(declared(a).equals(declared(b))).as(Arrays.deepToString(a) + " vs " + Arrays.deepToString(b))
                        .isEqualTo(generated(a).equals(generated(b)));
            }
            assertThat(declared(a).equals(null)).isFalse();
            assertThat(declared(a).equals(generated(a))).isFalse(); // another class
        }
    }

    /**
     * Every record the rules see (facts, conclusions, catalog entries, targets) declares its equals and
     * hashCode; the compiler's are final, so a record that relies on them is found by that flag.
     */
    @Test
    void everyFactAndCatalogRecordDeclaresItsOwn() throws Exception {
        Path classes = Path.of(RecordEquality.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> generated = new ArrayList<>();
        int records = 0;
        for (String pkg : List.of("facts", "classified", "conclusions", "knowledge", "targets")) {
            Path dir = classes.resolve("org/iisdiag").resolve(pkg);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                    String name = "org.iisdiag." + pkg + "." + f.getFileName().toString().replace(".class", "");
                    Class<?> c = Class.forName(name, false, RecordEquality.class.getClassLoader());
                    if (!c.isRecord()) {
                        continue;
                    }
                    records++;
                    Method equals = c.getDeclaredMethod("equals", Object.class);
                    Method hashCode = c.getDeclaredMethod("hashCode");
                    if (Modifier.isFinal(equals.getModifiers()) || Modifier.isFinal(hashCode.getModifiers())) {
                        generated.add(name);
                    }
                }
            }
        }
        assertThat(records).isGreaterThan(100);
        assertThat(generated).as("records using the compiler's equals/hashCode (see RecordEquality)").isEmpty();
    }
}
