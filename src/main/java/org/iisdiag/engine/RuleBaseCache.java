package org.iisdiag.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rule packages kept on disk between runs, so an unchanged pack starts in a fraction of the
 * compile time. The key is a SHA-256 over every rule file's name and content, every other file the
 * caller names (the catalogs), the Drools version and the identity of iisdiag's own code: any edit
 * gives a new key, so a stale rule base is never used. Any problem reading an entry means "compile".
 */
public final class RuleBaseCache {
    private static final String FORMAT = "iisdiag-rulebase-v1";

    private final Path dir;
    private final List<Path> alsoKeyedOn;
    private String lastKey;

    /**
     * @param dir         where entries live (created on first write)
     * @param alsoKeyedOn files whose content must also match (e.g. the knowledge-base catalogs)
     */
    public RuleBaseCache(Path dir, List<Path> alsoKeyedOn) {
        this.dir = dir;
        this.alsoKeyedOn = List.copyOf(alsoKeyedOn);
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

    KieBase get(Map<String, String> sources) {
        Path entry;
        try {
            entry = entry(sources);
        } catch (IOException e) {
            return null;
        }
        if (!Files.isRegularFile(entry)) {
            return null;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(entry));
             DroolsObjectInputStream objects = new DroolsObjectInputStream(in, RuleBaseCache.class.getClassLoader())) {
            if (!FORMAT.equals(objects.readUTF())) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Collection<KiePackage> packages = (Collection<KiePackage>) objects.readObject();
            InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
            base.addPackages(packages);
            return base;
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            // A corrupt or incompatible entry is not an error: compile, and the new entry replaces it.
            return null;
        }
    }

    void put(Map<String, String> sources, KieBase kieBase) {
        try {
            Path entry = entry(sources);
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "rulebase-", ".tmp");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp));
                 DroolsObjectOutputStream objects = new DroolsObjectOutputStream(out)) {
                objects.writeUTF(FORMAT);
                objects.writeObject(new ArrayList<>(kieBase.getKiePackages()));
            }
            try {
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            // The cache only saves time; failing to write it must not fail the run.
        }
    }

    /** The entry file for these sources; the name is the key. */
    Path entry(Map<String, String> sources) throws IOException {
        if (lastKey == null) {
            lastKey = key(sources);
        }
        return dir.resolve("rulebase-" + lastKey + ".bin");
    }

    private String key(Map<String, String> sources) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(sha, FORMAT);
        update(sha, "drools " + KieBase.class.getPackage().getImplementationVersion());
        update(sha, "iisdiag " + CodeIdentity.of(RuleBaseCache.class));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            update(sha, e.getKey());
            update(sha, e.getValue());
        }
        for (Path p : alsoKeyedOn) {
            update(sha, p.getFileName().toString());
            sha.update(Files.isRegularFile(p) ? Files.readAllBytes(p) : new byte[0]);
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    private static void update(MessageDigest sha, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }
}
