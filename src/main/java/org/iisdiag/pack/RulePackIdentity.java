package org.iisdiag.pack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Properties;

import org.iisdiag.engine.FileDigests;
import org.iisdiag.engine.RuleFiles;
import org.iisdiag.knowledge.KnowledgeBaseLoader;

/**
 * What exactly is running: the iisdiag version, the Drools version (read from the Drools jar at run
 * time) and a SHA-256 over the rule files and catalog files in use, with where they came from. One line,
 * so that {@code --version} and reports can carry the same text.
 *
 * <p>The hash covers what the engine reads: every .drl file under rules/ and the catalog files the loader
 * reads (not scenarios or sample cases), each by its path relative to its folder and its bytes. The same
 * files give the same hash wherever they are, so a release's rules/ folder and its built-in pack agree.
 */
public record RulePackIdentity(String sha256, String source) {
    /** Hex digits shown of the hash: plenty to tell packs apart, short enough to read out. */
    public static final int SHORT = 12;
    private static final List<String> DROOLS_POMS = List.of(
            "META-INF/maven/org.drools/drools-core/pom.properties",
            "META-INF/maven/org.drools/drools-engine-classic/pom.properties");

    /** Hashes the pack in use; {@code source} says where it came from ("built-in" or folders). */
    public static RulePackIdentity of(PackLocation rules, PackLocation kb) throws IOException {
        return of(rules, kb, new FileDigests());
    }

    /** As {@link #of(PackLocation, PackLocation)}, with the digests of one load (read once, shared with its caches). */
    public static RulePackIdentity of(PackLocation rules, PackLocation kb, FileDigests digests) throws IOException {
        if (!Files.isDirectory(rules.dir())) {
            throw new IOException("rules folder not found: " + rules.dir());
        }
        if (!Files.isDirectory(kb.dir())) {
            throw new IOException("knowledge base folder not found: " + kb.dir());
        }
        MessageDigest sha = Sha256.digest();
        for (Path file : RuleFiles.list(rules.dir())) {
            add(sha, "rules/" + PackIndex.relative(rules.dir(), file), digests.of(file).orElse(null));
        }
        for (Path file : KnowledgeBaseLoader.catalogFiles(kb.dir())) {
            add(sha, "knowledge-base/" + PackIndex.relative(kb.dir(), file), digests.of(file).orElse(null));
        }
        return new RulePackIdentity(Sha256.hex(sha), source(rules, kb));
    }

    /**
     * The {@link #reportLine()} of the pack in use, for a pack whose folders were found: a file that cannot be
     * read after all (the load that reads it reports why) gives {@link #lineWithoutPack}.
     */
    public static String reportLine(PackLocation rules, PackLocation kb, FileDigests digests) {
        try {
            return of(rules, kb, digests).reportLine();
        } catch (IOException e) {
            return lineWithoutPack(e.getMessage());
        }
    }

    /** Adds a file by name and the digest of its content (a rule file can only be absent if deleted meanwhile). */
    private static void add(MessageDigest sha, String name, byte[] digest) {
        sha.update((name + "\0" + (digest == null ? "absent" : java.util.HexFormat.of().formatHex(digest)) + "\0")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** "built-in", the installation folder when both folders sit in it, else both. */
    private static String source(PackLocation rules, PackLocation kb) {
        if (rules.builtIn() && kb.builtIn()) {
            return "built-in";
        }
        Path rulesParent = rules.dir().toAbsolutePath().normalize().getParent();
        Path kbParent = kb.dir().toAbsolutePath().normalize().getParent();
        if (!rules.builtIn() && !kb.builtIn() && rulesParent != null && rulesParent.equals(kbParent)
                && rules.dir().getFileName().toString().equals("rules")
                && kb.dir().getFileName().toString().equals("knowledge-base")) {
            return rulesParent.toString();
        }
        return "rules " + rules.describe() + ", knowledge base " + kb.describe();
    }

    public String shortHash() {
        return sha256.substring(0, SHORT);
    }

    /**
     * "iisdiag 0.2.0, Drools 10.2.0, rule pack 3f2a9c1b7e4d": what a report says produced it. Not where
     * the pack was read from, so the same pack gives the same report from any folder or the jar.
     */
    public String reportLine() {
        return toolAndEngine() + ", rule pack " + shortHash();
    }

    /** "iisdiag 0.2.0, Drools 10.2.0, rule pack 3f2a9c1b7e4d (built-in)". */
    public String line() {
        return toolAndEngine() + ", rule pack " + shortHash() + " (" + source + ")";
    }

    /** The version line when the pack cannot be read: still names the tool and the engine. */
    public static String lineWithoutPack(String why) {
        return toolAndEngine() + ", rule pack unavailable (" + why + ")";
    }

    private static String toolAndEngine() {
        return "iisdiag " + iisdiagVersion() + ", Drools " + droolsVersion();
    }

    /** This build's version from the jar manifest, or "dev" when running from compiled classes. */
    public static String iisdiagVersion() {
        String v = RulePackIdentity.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The Drools version from its Maven metadata (kept in the shaded jar), or "unknown". */
    public static String droolsVersion() {
        ClassLoader loader = org.kie.api.KieServices.class.getClassLoader();
        for (String pom : DROOLS_POMS) {
            try (InputStream in = loader.getResourceAsStream(pom)) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    String v = p.getProperty("version");
                    if (v != null && !v.isBlank()) {
                        return v.strip();
                    }
                }
            } catch (IOException e) {
                // try the next one
            }
        }
        return "unknown";
    }
}
