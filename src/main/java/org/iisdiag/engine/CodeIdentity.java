package org.iisdiag.engine;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.CodeSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Identifies the build of the code a class was loaded from (its jar's name, size and modification
 * time; for a classes folder, the number, total size and newest modification time of its files), so
 * that compiled rules cached by one build are never loaded into another whose classes differ.
 */
public final class CodeIdentity {
    private CodeIdentity() {
    }

    public static String of(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return unknown();
            }
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(location)) {
                BasicFileAttributes a = Files.readAttributes(location, BasicFileAttributes.class);
                return location.getFileName() + ":" + a.size() + ":" + a.lastModifiedTime().toMillis();
            }
            if (!Files.isDirectory(location)) {
                return unknown();
            }
            // Running from a classes folder (tests, IDE): a recompiled, added or deleted class changes one of these.
            AtomicLong count = new AtomicLong();
            AtomicLong bytes = new AtomicLong();
            AtomicLong newest = new AtomicLong();
            try (Stream<Path> walk = Files.walk(location)) {
                walk.forEach(p -> {
                    try {
                        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                        if (a.isRegularFile()) {
                            count.incrementAndGet();
                            bytes.addAndGet(a.size());
                            newest.accumulateAndGet(a.lastModifiedTime().toMillis(), Math::max);
                        }
                    } catch (IOException e) {
                        newest.set(Long.MAX_VALUE); // an unreadable file: never match a stored identity
                    }
                });
            }
            if (newest.get() == Long.MAX_VALUE) {
                return unknown();
            }
            return "classes:" + count + ":" + bytes + ":" + newest;
        } catch (URISyntaxException | IOException | RuntimeException e) {
            return unknown();
        }
    }

    /** Unknown code identity: a value no later run repeats, which disables reuse rather than risking a stale base. */
    private static String unknown() {
        return "unknown:" + System.nanoTime() + ":" + ProcessHandle.current().pid();
    }
}
