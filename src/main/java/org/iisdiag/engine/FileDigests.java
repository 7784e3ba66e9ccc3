package org.iisdiag.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 digests of files, each file read and hashed once per instance. One loading of a pack shares one
 * instance, so the catalogs feed the catalog cache's key, the compiled-rule cache's key and the pack's
 * identity from a single read (under the launcher's client compiler SHA-256 has no intrinsic, and hashing
 * the same 600 KB three times was a measurable part of a warm start). An instance is meant for one load:
 * the next run, or the next round of a watch, makes a new one, so an edit is always seen.
 */
public final class FileDigests {
    private final ConcurrentHashMap<Path, Optional<byte[]>> digests = new ConcurrentHashMap<>();

    /** The SHA-256 of the file's bytes, or empty when it is not a regular file. */
    public Optional<byte[]> of(Path file) throws IOException {
        try {
            Optional<byte[]> d = digests.computeIfAbsent(file.toAbsolutePath().normalize(), FileDigests::digest);
            return d.map(byte[]::clone);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Optional<byte[]> digest(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            MessageDigest sha = CacheEntries.sha256();
            return Optional.of(sha.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
