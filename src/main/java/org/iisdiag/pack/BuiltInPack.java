package org.iisdiag.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The rules/ and knowledge-base/ folders carried inside the jar, so that {@code java -jar iisdiag.jar}
 * works with no installation around it. The rule engine, the catalog loader, lint, explain and the
 * compiled-rule cache all work on folders, so the pack is unpacked once into a folder named by the
 * SHA-256 of its index ({@code <cache>/packs/<digest>/}) and checked against the index on every use:
 * a folder that was edited, damaged or half-written is unpacked again, so what runs is always exactly
 * what the jar carries.
 */
public final class BuiltInPack {
    /** Where the pack lives among the jar's resources. */
    public static final String RESOURCE_ROOT = "iisdiag-pack/";
    /** Unpacked packs of other builds unused for this long are deleted. */
    static final Duration UNUSED = Duration.ofDays(30);

    /** Opens a file of the pack by its path relative to the pack root; null when absent. */
    @FunctionalInterface
    public interface Resources {
        InputStream open(String path) throws IOException;
    }

    private final Resources resources;

    public BuiltInPack(Resources resources) {
        this.resources = resources;
    }

    /** The pack on this program's class path. */
    public static BuiltInPack fromClassPath() {
        ClassLoader loader = BuiltInPack.class.getClassLoader();
        return new BuiltInPack(path -> loader.getResourceAsStream(RESOURCE_ROOT + path));
    }

    /** The index, or null when this build carries no pack (e.g. classes compiled by an IDE). */
    public PackIndex index() throws IOException {
        try (InputStream in = resources.open(PackIndex.FILE_NAME)) {
            return in == null ? null : PackIndex.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * The folder holding the unpacked pack (with rules/ and knowledge-base/), unpacking it under
     * {@code cacheDir} when needed.
     *
     * @throws IOException when the build carries no pack or it cannot be written out
     */
    public Path unpack(Path cacheDir) throws IOException {
        PackIndex index = index();
        if (index == null) {
            throw new IOException("this build of iisdiag carries no built-in rule pack");
        }
        Path packs = cacheDir.resolve("packs");
        String name = index.digest().substring(0, 16);
        Path target = packs.resolve(name);
        if (matches(target, index)) {
            markUsed(target);
            return target;
        }
        Files.createDirectories(packs);
        Path tmp = Files.createTempDirectory(packs, name + ".tmp-");
        try {
            write(index, tmp);
            install(tmp, target, index);
        } finally {
            deleteTree(tmp);
        }
        prune(packs, target);
        return target;
    }

    private void write(PackIndex index, Path dir) throws IOException {
        for (PackIndex.Entry e : index.entries()) {
            Path file = dir.resolve(e.path()).normalize();
            if (!file.startsWith(dir)) {
                throw new IOException("built-in pack: path outside the pack: " + e.path());
            }
            Files.createDirectories(file.getParent());
            MessageDigest sha = Sha256.digest();
            try (InputStream in = resources.open(e.path())) {
                if (in == null) {
                    throw new IOException("built-in pack: " + e.path() + " is in the index but not in the jar");
                }
                try (DigestInputStream d = new DigestInputStream(in, sha)) {
                    Files.copy(d, file);
                }
            }
            if (!Sha256.hex(sha).equals(e.sha256())) {
                throw new IOException("built-in pack: " + e.path() + " does not match its index (damaged jar?)");
            }
        }
    }

    /** Moves the freshly written pack into place; another process may be doing the same. */
    private static void install(Path tmp, Path target, PackIndex index) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (Files.exists(target)) {
                if (matches(target, index)) {
                    return; // a concurrent run installed the same pack
                }
                // an edited or broken copy: move it aside (atomic, so no reader sees half of it), then delete it
                Path stale = target.resolveSibling(target.getFileName() + ".stale-" + System.nanoTime());
                try {
                    Files.move(target, stale, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException gone) {
                    continue; // someone else moved it: look again
                }
                deleteTree(stale);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (FileSystemException e) {
                // a concurrent run got there first: look again
            }
        }
        throw new IOException("cannot install the built-in rule pack at " + target);
    }

    /** Whether {@code dir} holds exactly the files of the index, with their content. */
    static boolean matches(Path dir, PackIndex index) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try {
            Set<String> expected = new HashSet<>();
            for (PackIndex.Entry e : index.entries()) {
                expected.add(e.path());
                Path file = dir.resolve(e.path());
                if (!Files.isRegularFile(file) || Files.size(file) != e.size()
                        || !PackIndex.sha256(file).equals(e.sha256())) {
                    return false;
                }
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                // an added file (a .drl dropped into the copy) would change what runs
                return walk.filter(Files::isRegularFile).allMatch(f -> expected.contains(PackIndex.relative(dir, f)));
            }
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    private static void markUsed(Path dir) {
        try {
            FileTime now = FileTime.fromMillis(System.currentTimeMillis());
            if (Files.getLastModifiedTime(dir).toMillis() < now.toMillis() - Duration.ofDays(1).toMillis()) {
                Files.setLastModifiedTime(dir, now);
            }
        } catch (IOException e) {
            // only affects pruning
        }
    }

    /** Deletes the unpacked packs of other builds that have not been used for {@link #UNUSED}. */
    private static void prune(Path packs, Path keep) {
        long cutoff = System.currentTimeMillis() - UNUSED.toMillis();
        try (Stream<Path> dirs = Files.list(packs)) {
            for (Path dir : dirs.filter(d -> !d.equals(keep)).toList()) {
                if (Files.getLastModifiedTime(dir).toMillis() < cutoff) {
                    deleteTree(dir);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // housekeeping only
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
