package org.iisdiag.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;

import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.KnowledgeBaseException;
import org.iisdiag.knowledge.KnowledgeBaseLoader;

/**
 * The parsed catalogs of a knowledge base folder, kept in the cache folder next to the compiled rules.
 * Reading YAML costs a fresh JVM far more than the parsing itself (Jackson, SnakeYAML and the schema
 * validator load and warm up: hundreds of ms), and the result can only change when a catalog or the
 * code (with the schemas it carries) changes: so, like the compiled-rule cache, an entry is keyed on the
 * content of every catalog file and on the code's identity, and a run that finds its entry reads it back
 * with plain Java deserialization (only the knowledge base's own classes and the JDK's collections
 * allowed). An entry is written only after a load with no problem at all, schemas checked; any problem
 * reading or writing one only means "parse the YAML".
 */
public final class CatalogCache {
    private static final String FORMAT = "iisdiag-catalogs-v3";
    private static final String PREFIX = "catalogs-";
    private static final String SUFFIX = ".kb";
    /** Entries kept, the most recently used (catalog sets being edited leave one each). */
    static final int MAX_ENTRIES = 16;
    /** What a cache entry may hold: the knowledge base's classes, the JDK's collections, strings, patterns. */
    private static final java.io.ObjectInputFilter ALLOWED = java.io.ObjectInputFilter.Config.createFilter(
            "maxdepth=40;maxrefs=2000000;maxbytes=67108864;org.iisdiag.knowledge.*;org.iisdiag.conclusions.*;"
                    + "org.iisdiag.engine.RecordStreams$RecordData;"
                    + "java.lang.*;java.util.*;java.util.regex.Pattern;!*");

    /** Where the records an entry may rebuild live (records travel as plain data: see {@link RecordStreams}). */
    private static final String[] RECORD_PACKAGES = {"org.iisdiag.knowledge.", "org.iisdiag.conclusions."};

    private final Path dir;
    private final List<Path> files;
    private final FileDigests digests;

    public CatalogCache(Path dir, List<Path> files) {
        this(dir, files, null);
    }

    /**
     * @param digests shared with the other readers of the same files in one load (see {@link FileDigests});
     *                null to read the files afresh on every look-up
     */
    public CatalogCache(Path dir, List<Path> files, FileDigests digests) {
        this.dir = dir;
        this.files = List.copyOf(files);
        this.digests = digests;
    }

    /** The catalogs of {@code kbDir}: from the cache when these files were parsed clean under this code before. */
    public static KnowledgeBase load(Path kbDir, Path cacheDir) throws KnowledgeBaseException {
        return load(kbDir, cacheDir, new FileDigests());
    }

    /** As {@link #load(Path, Path)}, the files' digests shared with the rest of this load. */
    public static KnowledgeBase load(Path kbDir, Path cacheDir, FileDigests digests) throws KnowledgeBaseException {
        if (cacheDir == null) {
            return KnowledgeBaseLoader.load(kbDir);
        }
        CatalogCache cache = new CatalogCache(cacheDir, KnowledgeBaseLoader.catalogFiles(kbDir), digests);
        java.util.Optional<KnowledgeBase> cached = cache.read();
        if (cached.isPresent()) {
            return cached.get();
        }
        KnowledgeBase kb = KnowledgeBaseLoader.load(kbDir, true);
        cache.write(kb);
        return kb;
    }

    /** Whether an entry for these files, as they are now, exists (for reports of what a run did). */
    public boolean has() {
        try {
            return Files.isRegularFile(entry());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The knowledge base these catalog files, as they are now, gave under this code, if an entry has it. */
    public java.util.Optional<KnowledgeBase> read() {
        try {
            Path entry = entry();
            if (!Files.isRegularFile(entry)) {
                return java.util.Optional.empty();
            }
            KnowledgeBase kb;
            try (java.io.ObjectInputStream in = RecordStreams.input(
                    new java.io.BufferedInputStream(Files.newInputStream(entry), 1 << 16), RECORD_PACKAGES)) {
                in.setObjectInputFilter(ALLOWED);
                if (!FORMAT.equals(in.readUTF())) {
                    return java.util.Optional.empty();
                }
                kb = (KnowledgeBase) in.readObject();
            }
            CacheEntries.touch(entry);
            return java.util.Optional.of(kb);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return java.util.Optional.empty(); // an entry that cannot be read is as good as none
        }
    }

    /** Keeps {@code kb} for these files (call only after a load without problems). */
    public void write(KnowledgeBase kb) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 18);
            try (java.io.ObjectOutputStream out = RecordStreams.output(bytes)) {
                out.writeUTF(FORMAT);
                out.writeObject(kb);
            }
            Path entry = entry();
            CacheEntries.writeAtomically(dir, PREFIX, entry, bytes.toByteArray());
            CacheEntries.prune(dir, PREFIX, SUFFIX, entry, MAX_ENTRIES);
        } catch (IOException | RuntimeException e) {
            // the cache only saves time; failing to write it must not fail the run
        }
    }

    /** The entry for these files as they are now: its name is a digest of their content and of the code. */
    Path entry() throws IOException {
        MessageDigest sha = CacheEntries.sha256();
        CacheEntries.update(sha, FORMAT);
        CacheEntries.update(sha, CodeIdentity.of(CatalogCache.class));
        CacheEntries.updateFiles(sha, files, digests != null ? digests : new FileDigests());
        return dir.resolve(PREFIX + CacheEntries.key(sha) + SUFFIX);
    }
}
