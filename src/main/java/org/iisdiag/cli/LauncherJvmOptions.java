package org.iisdiag.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JVM options every launcher (./iisdiag, the release's iisdiag, iisdiag.cmd, iisdiag.ps1) passes
 * before the user's IISDIAG_JAVA_OPTS, which can override them. Measured with {@code iisdiag bench
 * --startup} and {@code --scale} on 2 cores: the client compiler alone starts diagnose about twice as
 * fast and also reads gigabytes of logs faster, because the optimising compiler's threads compete with
 * the two reading threads for the same cores for most of a run; one compiler thread instead of the two
 * the JVM picks leaves the cores to the threads that load the pack and read the case (warm start median
 * 0.83 to 0.76 s, alternating runs); the serial collector has no concurrent threads either; the heap cap is the bound the hostile-input tests hold every reader to. The initial
 * heap is 128 MiB: starting at 16 MiB, a sample case paid 20 to 25 young and 2 to 4 full collections while
 * the heap grew step by step (the rule base alone is some 20 MiB live), and 1 GB of logs 16 and 3; from
 * 128 MiB they take 3 to 5 young ones and no full one. Heap pages only become resident when used, so peak
 * RSS stays well below what the JVM's default (1/64 of the machine's memory, up to the cap) gave on 10 GB
 * of logs, 260 MiB. Reflection stays on the JVM's native accessors: by default the
 * sixteenth call of a method through reflection generates a class for it, and Java deserialization of
 * the rule cache, the rules and Jackson made about 180 of them per run, each paid for by one run of a few
 * hundred calls (the property is read by Java 17; later versions reflect through method handles and
 * ignore it).
 *
 * <p>The POSIX launchers add {@value #HUGE_PAGES} when Linux offers transparent huge pages to programs
 * that ask ({@code [madvise]} or {@code [always]} in {@value #THP_SETTING}). Every first touch of a heap
 * page is a page fault, and on virtual machines a fault costs several microseconds: the young collections
 * that move the rule base to the old generation and the allocation of new eden pages were a fifth of a
 * start's CPU. With 2 MiB pages they fault 512 times less often (alternating runs on 2 cores: sample case
 * median 1.19 to 1.04 s, CPU 1.88 to 1.70 s; 1 GB of logs 2.42 to 2.13 s, peak RSS 223 to 232 MiB). The
 * option exists only on Linux builds of the JVM, hence not in the Windows launchers; a user can still turn
 * it off with {@code IISDIAG_JAVA_OPTS=-XX:-UseTransparentHugePages}.
 */
public final class LauncherJvmOptions {
    /** The initial heap and the heap cap of a one-shot run (the daemon replaces both: see DaemonCommand). */
    public static final String INITIAL_HEAP = "-Xms128m";
    public static final String HEAP_CAP = "-Xmx256m";
    public static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:CICompilerCount=1",
            INITIAL_HEAP, HEAP_CAP, "-Dsun.reflect.inflationThreshold=2147483647");

    /** Added by the POSIX launchers where {@link #hugePagesOffered(String)} holds. */
    public static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
    /** Where Linux says whether it gives programs transparent huge pages. */
    public static final String THP_SETTING = "/sys/kernel/mm/transparent_hugepage/enabled";

    private LauncherJvmOptions() {
    }

    /** The options the POSIX launcher passes on this machine: {@link #OPTIONS}, plus huge pages where offered. */
    public static List<String> forThisMachine() {
        List<String> options = new ArrayList<>(OPTIONS);
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            try {
                if (hugePagesOffered(Files.readString(Path.of(THP_SETTING)))) {
                    options.add(HUGE_PAGES);
                }
            } catch (IOException | RuntimeException e) {
                // no such setting: the kernel has no transparent huge pages, and the launcher does not ask
            }
        }
        return List.copyOf(options);
    }

    /**
     * Whether the kernel setting (e.g. {@code always [madvise] never}) lets a program that asks get huge
     * pages; the launchers' {@code case} on the same file matches the same two words.
     */
    static boolean hugePagesOffered(String setting) {
        return setting.contains("[always]") || setting.contains("[madvise]");
    }

    /** The options as a launcher writes them on its java line. */
    public static String asText() {
        return String.join(" ", OPTIONS);
    }
}
