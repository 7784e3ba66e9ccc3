package org.iisdiag.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * What the caches in one cache folder share (the compiled rules, the parsed catalogs): keys that are
 * SHA-256 digests of what an entry depends on, entries written aside and moved into place, last use
 * kept in the file's time, and pruning to the most recently used. Every failure here only means "not
 * cached": callers catch and go on.
 */
final class CacheEntries {
    /** Temporary files older than this are left-overs of a crashed writer and are deleted. */
    private static final long STALE_TMP_MILLIS = 60L * 60 * 1000;

    private CacheEntries() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** CRC-32C of a byte range, as 8 hex digits: an integrity check against damage, not against tampering. */
    static String crc32cHex(byte[] bytes, int offset, int length) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(bytes, offset, length);
        return String.format(java.util.Locale.ROOT, "%08x", crc.getValue());
    }

    /** Adds a string, length first, so that no two sequences of strings digest alike. */
    static void update(MessageDigest sha, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }

    /** Adds each file's name and the digest of its content (or that it is absent), in order. */
    static void updateFiles(MessageDigest sha, List<Path> files, FileDigests digests) throws IOException {
        update(sha, Integer.toString(files.size()));
        for (Path p : files) {
            update(sha, String.valueOf(p.getFileName()));
            java.util.Optional<byte[]> digest = digests.of(p);
            update(sha, digest.isPresent() ? "sha256 " + HexFormat.of().formatHex(digest.get()) : "absent");
        }
    }

    /** The key an entry's name carries: the first 128 bits of the digest, in hex. */
    static String key(MessageDigest sha) {
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    /** Writes {@code parts} to {@code entry} by way of a temporary file, so a reader sees all of it or nothing. */
    static void writeAtomically(Path dir, String prefix, Path entry, byte[]... parts) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, prefix, ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                for (byte[] part : parts) {
                    out.write(part);
                }
            }
            try {
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Marks an entry as just used, so pruning keeps it. */
    static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            // a read-only cache still serves entries
        }
    }

    /**
     * Keeps the {@code max} most recently used {@code prefix*suffix} entries ({@code keep} always) and
     * deletes that cache's left-over temporary files.
     */
    static void prune(Path dir, String prefix, String suffix, Path keep, int max) {
        List<Path> entries = new ArrayList<>();
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, prefix + "*")) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (name.endsWith(suffix)) {
                    if (!p.equals(keep)) {
                        entries.add(p);
                    }
                } else if (name.endsWith(".tmp") && now - modified(p) > STALE_TMP_MILLIS) {
                    Files.deleteIfExists(p);
                }
            }
            entries.sort(Comparator.comparingLong(CacheEntries::modified).reversed().thenComparing(Comparator.naturalOrder()));
            for (Path old : entries.subList(Math.min(entries.size(), max - 1), entries.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException | RuntimeException e) {
            // housekeeping; another process may be doing it at the same time
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
