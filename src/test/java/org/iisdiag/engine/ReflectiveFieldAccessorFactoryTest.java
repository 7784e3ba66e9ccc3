package org.iisdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.drools.base.rule.accessor.ReadAccessor;
import org.drools.core.base.ClassFieldAccessorCache;
import org.drools.core.base.FieldAccessorFactory;
import org.drools.mvel.asm.ClassFieldAccessorFactory;
import org.junit.jupiter.api.Test;

class ReflectiveFieldAccessorFactoryTest {
    /** A fact with a getter of every kind of type a reader distinguishes. */
    public record Sample(String text, int count, long bytes, short port, byte flag, char grade, boolean on,
            double ratio, float share, List<String> names, Integer boxed) {
        public String getBroken() {
            throw new IllegalStateException("no value");
        }
    }

    private static final Sample SAMPLE = new Sample("w3wp", 503, 4_000_000_000L, (short) 443, (byte) 7, 'B', true,
            0.25, 0.1f, List.of("a", "b"), null);
    private static final List<String> FIELDS = List.of("text", "count", "bytes", "port", "flag", "grade", "on",
            "ratio", "share", "names", "boxed", "this");

    private static ClassFieldAccessorCache.CacheEntry entry() {
        return new ClassFieldAccessorCache(Sample.class.getClassLoader()).getCacheEntry(Sample.class);
    }

    @Test
    void droolsLoadsThisFactory() {
        assertThat(FieldAccessorFactory.get()).isInstanceOf(ReflectiveFieldAccessorFactory.class);
    }

    @Test
    void readsWhatTheGeneratedReadersRead() {
        ReflectiveFieldAccessorFactory reflective = new ReflectiveFieldAccessorFactory();
        ClassFieldAccessorFactory generated = new ClassFieldAccessorFactory();
        for (String field : FIELDS) {
            ReadAccessor mine = reflective.getClassFieldReader(Sample.class, field, entry());
            ReadAccessor theirs = generated.getClassFieldReader(Sample.class, field, entry());
            assertThat(mine).as(field).isNotNull();
            assertThat(mine.getValue(null, SAMPLE)).as(field).isEqualTo(theirs.getValue(null, SAMPLE));
            assertThat(mine.getValueType()).as(field).isEqualTo(theirs.getValueType());
            assertThat(mine.getExtractToClass()).as(field).isEqualTo(theirs.getExtractToClass());
            assertThat(mine.getIndex()).as(field).isEqualTo(theirs.getIndex());
            assertThat(mine.isNullValue(null, SAMPLE)).as(field).isEqualTo(theirs.isNullValue(null, SAMPLE));
            assertThat(mine.getHashCode(null, SAMPLE)).as(field).isEqualTo(theirs.getHashCode(null, SAMPLE));
            assertThat(mine.getNativeReadMethod().getName()).as(field).isEqualTo(theirs.getNativeReadMethod().getName());
        }
    }

    @Test
    void primitiveReadersConvertAsTheGeneratedOnes() {
        ReflectiveFieldAccessorFactory reflective = new ReflectiveFieldAccessorFactory();
        ClassFieldAccessorFactory generated = new ClassFieldAccessorFactory();
        for (String field : List.of("count", "bytes", "port", "flag", "grade")) {
            assertThat(reflective.getClassFieldReader(Sample.class, field, entry()).getWholeNumberValue(null, SAMPLE)).as(field)
                    .isEqualTo(generated.getClassFieldReader(Sample.class, field, entry()).getWholeNumberValue(null, SAMPLE));
        }
        for (String field : List.of("ratio", "share", "count")) {
            assertThat(reflective.getClassFieldReader(Sample.class, field, entry()).getDecimalValue(null, SAMPLE)).as(field)
                    .isEqualTo(generated.getClassFieldReader(Sample.class, field, entry()).getDecimalValue(null, SAMPLE));
        }
        assertThat(reflective.getClassFieldReader(Sample.class, "on", entry()).getBooleanValue(null, SAMPLE)).isTrue();
    }

    @Test
    void noClassIsGeneratedForAField() {
        ReadAccessor reader = new ReflectiveFieldAccessorFactory().getClassFieldReader(Sample.class, "count", entry());
        assertThat(reader.getClass().getEnclosingClass()).isEqualTo(ReflectiveFieldAccessorFactory.class);
    }

    @Test
    void anUnknownFieldHasNoReader() {
        assertThat(new ReflectiveFieldAccessorFactory().getClassFieldReader(Sample.class, "missing", entry())).isNull();
    }

    @Test
    void whatTheGetterThrowsIsPassedOnUnwrapped() {
        ReadAccessor reader = new ReflectiveFieldAccessorFactory().getClassFieldReader(Sample.class, "broken", entry());
        assertThatThrownBy(() -> reader.getValue(null, SAMPLE)).isInstanceOf(IllegalStateException.class)
                .hasMessage("no value");
    }
}
