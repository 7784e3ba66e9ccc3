package org.iisdiag.engine;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Identifies the build of iisdiag that is running (its jar's size and modification time), so that
 * compiled rules cached by one build are never loaded into another whose fact classes differ.
 */
final class CodeIdentity {
    private CodeIdentity() {
    }

    static String of(Class<?> type) {
        try {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                return location.getFileName() + ":" + Files.size(location) + ":" + Files.getLastModifiedTime(location).toMillis();
            }
            // Running from a classes folder (tests, IDE): key on the newest class file.
            try (var walk = Files.walk(location)) {
                long newest = walk.filter(Files::isRegularFile).mapToLong(p -> {
                    try {
                        return Files.getLastModifiedTime(p).toMillis();
                    } catch (java.io.IOException e) {
                        return 0;
                    }
                }).max().orElse(0);
                return "classes:" + newest;
            }
        } catch (URISyntaxException | java.io.IOException | RuntimeException e) {
            // Unknown code identity: a random value disables reuse rather than risking a stale base.
            return "unknown:" + System.nanoTime();
        }
    }
}
