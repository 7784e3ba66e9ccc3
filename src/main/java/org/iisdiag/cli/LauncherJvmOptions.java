package org.iisdiag.cli;

import java.util.List;

/**
 * The JVM options every launcher (./iisdiag, the release's iisdiag, iisdiag.cmd, iisdiag.ps1) passes
 * before the user's IISDIAG_JAVA_OPTS, which can override them. Measured with {@code iisdiag bench
 * --startup} and {@code --scale} on 2 cores: the client compiler alone starts diagnose about twice as
 * fast and also reads gigabytes of logs faster, because the optimising compiler's threads compete with
 * the two reading threads for the same cores for most of a run; the serial collector has no concurrent
 * threads either; the heap cap is the bound the hostile-input tests hold every reader to, and without
 * it the JVM commits 1/64 of the machine's memory up front.
 */
public final class LauncherJvmOptions {
    public static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

    private LauncherJvmOptions() {
    }

    /** The options as a launcher writes them on its java line. */
    public static String asText() {
        return String.join(" ", OPTIONS);
    }
}
