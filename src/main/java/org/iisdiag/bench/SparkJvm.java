package org.iisdiag.bench;

import java.util.ArrayList;
import java.util.List;

/** The JVM options Spark needs on Java 17 (those its launcher adds; the fleet profile's surefire uses the same). */
final class SparkJvm {
    static final List<String> OPTIONS = options();

    private SparkJvm() {
    }

    private static List<String> options() {
        List<String> o = new ArrayList<>();
        for (String p : List.of("java.lang", "java.lang.invoke", "java.lang.reflect", "java.io", "java.net", "java.nio",
                "java.util", "java.util.concurrent", "java.util.concurrent.atomic", "jdk.internal.ref", "sun.nio.ch",
                "sun.nio.cs", "sun.security.action", "sun.util.calendar")) {
            o.add("--add-opens=java.base/" + p + "=ALL-UNNAMED");
        }
        o.add("-Djdk.reflect.useDirectMethodHandle=false");
        o.add("-Dio.netty.tryReflectionSetAccessible=true");
        return List.copyOf(o);
    }
}
