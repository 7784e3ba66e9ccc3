package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --watch: a change under a watched folder (also in a sub-folder created later) wakes the watcher. */
class ChangeWatcherTest {

    @Test
    void wakesOnAChangeAndStaysAsleepWithout(@TempDir Path tmp) throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules/sub"));
        Files.writeString(rules.resolve("a.drl"), "rule");
        try (ChangeWatcher watcher = new ChangeWatcher(List.of(tmp.resolve("rules")))) {
            assertThat(watcher.awaitChange(300)).as("nothing changed").isFalse();
            CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(200);
                    Files.writeString(rules.resolve("a.drl"), "rule edited");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(watcher.awaitChange(TimeUnit.SECONDS.toMillis(20))).as("an edit is seen").isTrue();
            Path later = Files.createDirectories(tmp.resolve("rules/new"));
            assertThat(watcher.awaitChange(TimeUnit.SECONDS.toMillis(20))).as("a new folder is seen").isTrue();
            Files.writeString(later.resolve("b.drl"), "rule");
            assertThat(watcher.awaitChange(TimeUnit.SECONDS.toMillis(20))).as("a file in the new folder is seen").isTrue();
        }
    }
}
