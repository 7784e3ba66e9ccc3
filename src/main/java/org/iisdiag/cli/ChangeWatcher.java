package org.iisdiag.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Blocks until a file under the watched folders changes (rules, catalogs, scenarios, a case), for
 * {@code --watch}. Editors write files in bursts, so changes are collected until the folders have been
 * quiet for a moment.
 */
final class ChangeWatcher implements AutoCloseable {
    static final long QUIET_MILLIS = 300;

    private final WatchService service;

    ChangeWatcher(List<Path> roots) throws IOException {
        service = FileSystems.getDefault().newWatchService();
        for (Path root : roots) {
            Path dir = Files.isDirectory(root) ? root : root.toAbsolutePath().getParent();
            if (dir != null && Files.isDirectory(dir)) {
                registerTree(dir);
            }
        }
    }

    private void registerTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Waits for a change, then for quiet; returns false if {@code timeoutMillis} passed with no change. */
    boolean awaitChange(long timeoutMillis) throws InterruptedException, IOException {
        WatchKey key = timeoutMillis < 0 ? service.take() : service.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        if (key == null) {
            return false;
        }
        while (key != null) {
            handle(key);
            key = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
        }
        return true;
    }

    private void handle(WatchKey key) throws IOException {
        Path dir = (Path) key.watchable();
        for (var event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name
                    && Files.isDirectory(dir.resolve(name))) {
                registerTree(dir.resolve(name)); // new folders are watched too
            }
        }
        key.reset();
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
