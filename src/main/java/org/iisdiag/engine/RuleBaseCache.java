package org.iisdiag.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rule packages kept on disk between runs, so an unchanged pack starts in a fraction of the
 * compile time. The key is a SHA-256 over every rule file's name and content, every other file the
 * caller names (the catalogs), the Drools jars and the identity of iisdiag's own code: any edit gives
 * a new key, so a stale rule base is never used. The key is computed afresh on every look-up (one
 * cache object may serve several loads). An entry carries its key and a CRC-32C of its payload, so a
 * truncated or corrupted file is detected before anything is deserialised; any problem reading an
 * entry means "compile", and any problem writing one only means "not cached". The folder keeps the
 * {@value #MAX_ENTRIES} most recently used entries.
 */
public final class RuleBaseCache {
    private static final String FORMAT = "iisdiag-rulebase-v4";
    /** Entries kept; older ones (by last use) are deleted after each write. */
    static final int MAX_ENTRIES = 16;
    private static final String PREFIX = "rulebase-";
    private static final String SUFFIX = ".bin";
    private static final int CHECKSUM_HEX = 8;

    /** Which code is running: computed once per JVM, since the loaded classes cannot change under it. */
    private static volatile String codeIdentity;

    private final Path dir;
    private final List<Path> alsoKeyedOn;
    private final FileDigests digests;

    /**
     * @param dir         where entries live (created on first write)
     * @param alsoKeyedOn files whose content must also match (e.g. the knowledge-base catalogs)
     */
    public RuleBaseCache(Path dir, List<Path> alsoKeyedOn) {
        this(dir, alsoKeyedOn, null);
    }

    /**
     * @param digests shared with the other readers of the same files in one load (see {@link FileDigests});
     *                null to read the files afresh on every look-up
     */
    public RuleBaseCache(Path dir, List<Path> alsoKeyedOn, FileDigests digests) {
        this.dir = dir;
        this.alsoKeyedOn = List.copyOf(alsoKeyedOn);
        this.digests = digests;
    }

    /** The default location: $IISDIAG_CACHE_DIR, else $XDG_CACHE_HOME/iisdiag, else ~/.cache/iisdiag. */
    public static Path defaultDir() {
        String explicit = System.getenv("IISDIAG_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("iisdiag");
    }

    /** A cache hit: the pack's packages and what its sources say about themselves (see {@link SourceIndex}). */
    record Hit(CachedPack pack, SourceIndex index) {
    }

    Hit get(Map<String, String> sources) {
        try {
            String key = key(sources);
            Path entry = entryFor(key);
            if (!Files.isRegularFile(entry)) {
                return null;
            }
            byte[] file = Files.readAllBytes(entry);
            int payload = payloadStart(file, key);
            if (payload < 0) {
                return null;
            }
            Collection<KiePackage> packages;
            SourceIndex index;
            try (DroolsObjectInputStream objects = CachedPack.open(file, payload, file.length - payload)) {
                packages = CachedPack.readPackages(objects);
                index = SourceIndex.readFrom(objects);
            }
            CacheEntries.touch(entry);
            return new Hit(new CachedPack(file, payload, file.length - payload, packages), index);
        } catch (Exception | LinkageError | StackOverflowError e) {
            // An unreadable, corrupt or incompatible entry is not an error: compile, and the new entry replaces it.
            return null;
        }
    }

    void put(Map<String, String> sources, KieBase compiled, SourceIndex index) {
        try {
            String key = key(sources);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 19);
            try (DroolsObjectOutputStream objects = new DroolsObjectOutputStream(bytes)) {
                objects.writeObject(new ArrayList<>(compiled.getKiePackages()));
                index.writeTo(objects);
            }
            byte[] payload = bytes.toByteArray();
            byte[] header = (FORMAT + "\n" + key + "\n" + CacheEntries.crc32cHex(payload, 0, payload.length) + "\n")
                    .getBytes(StandardCharsets.US_ASCII);
            Path entry = entryFor(key);
            CacheEntries.writeAtomically(dir, PREFIX, entry, header, payload);
            CacheEntries.prune(dir, PREFIX, SUFFIX, entry, MAX_ENTRIES);
        } catch (IOException | RuntimeException e) {
            // The cache only saves time; failing to write it must not fail the run.
        }
    }

    /** The entry file for these sources (as the files are now); the name is the key. */
    Path entry(Map<String, String> sources) throws IOException {
        return entryFor(key(sources));
    }

    private Path entryFor(String key) {
        return dir.resolve(PREFIX + key + SUFFIX);
    }

    /**
     * Where the payload of an entry starts when its header names this format and key and its checksum
     * matches; else -1. The checksum is there to catch a truncated or damaged file, which is all it can
     * do: whoever can write the cache folder can write a matching one of any strength. CRC-32C is
     * computed by an intrinsic even in the interpreter, where SHA-256 over the 1.7 MB payload was not.
     */
    private static int payloadStart(byte[] file, String key) {
        byte[] header = (FORMAT + "\n" + key + "\n").getBytes(StandardCharsets.US_ASCII);
        int checksumEnd = header.length + CHECKSUM_HEX;
        if (file.length <= checksumEnd || !Arrays.equals(file, 0, header.length, header, 0, header.length)
                || file[checksumEnd] != '\n') {
            return -1;
        }
        String checksum = new String(file, header.length, CHECKSUM_HEX, StandardCharsets.US_ASCII);
        int start = checksumEnd + 1;
        return checksum.equals(CacheEntries.crc32cHex(file, start, file.length - start)) ? start : -1;
    }

    private String key(Map<String, String> sources) throws IOException {
        MessageDigest sha = CacheEntries.sha256();
        CacheEntries.update(sha, FORMAT);
        CacheEntries.update(sha, codeIdentity());
        CacheEntries.update(sha, Integer.toString(sources.size()));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            CacheEntries.update(sha, e.getKey());
            CacheEntries.update(sha, e.getValue());
        }
        CacheEntries.updateFiles(sha, alsoKeyedOn, digests != null ? digests : new FileDigests());
        return CacheEntries.key(sha);
    }

    /** iisdiag's own code and the Drools code that wrote the entry (the same jar when running from the shaded jar). */
    private static String codeIdentity() {
        String id = codeIdentity;
        if (id == null) {
            Set<String> parts = new LinkedHashSet<>();
            parts.add("iisdiag " + CodeIdentity.of(RuleBaseCache.class));
            for (Class<?> c : List.of(KieBase.class, DroolsObjectInputStream.class, KnowledgeBaseFactory.class)) {
                parts.add("drools " + c.getPackage().getImplementationVersion() + " " + CodeIdentity.of(c));
            }
            id = String.join("\n", parts);
            codeIdentity = id;
        }
        return id;
    }
}
