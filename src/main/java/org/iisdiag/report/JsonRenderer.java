package org.iisdiag.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;

/** The report as JSON (schema version {@value DiagnosisReport#SCHEMA_VERSION}, documented in the README). */
public final class JsonRenderer implements ReportRenderer {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * Builds the serializers of every record and enum a report can hold (Jackson introspects each class on
     * first use, some 40 ms of a fresh JVM's report); the mapper caches them for {@link #render}.
     */
    @Override
    public void prepare() {
        SerializerProvider provider = JSON.getSerializerProviderInstance();
        for (Class<?> c : reportTypes()) {
            try {
                provider.findValueSerializer(c);
            } catch (JsonMappingException e) {
                return; // render meets it again and says so
            }
        }
    }

    /** The records and enums reachable from {@link DiagnosisReport} through record components and type arguments. */
    static Set<Class<?>> reportTypes() {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Type> todo = new ArrayDeque<>(List.of(DiagnosisReport.class));
        while (!todo.isEmpty()) {
            Type t = todo.pop();
            if (t instanceof ParameterizedType p) {
                todo.addAll(Arrays.asList(p.getActualTypeArguments()));
            } else if (t instanceof WildcardType w) {
                todo.addAll(Arrays.asList(w.getUpperBounds()));
            } else if (t instanceof GenericArrayType a) {
                todo.push(a.getGenericComponentType());
            } else if (t instanceof Class<?> c && c.isArray()) {
                todo.push(c.getComponentType());
            } else if (t instanceof Class<?> c && (c.isRecord() || c.isEnum()) && seen.add(c) && c.isRecord()) {
                for (RecordComponent rc : c.getRecordComponents()) {
                    todo.push(rc.getGenericType());
                }
            }
        }
        return seen;
    }

    @Override
    public String render(DiagnosisReport report) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return JSON.writer(printer).writeValueAsString(report) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
