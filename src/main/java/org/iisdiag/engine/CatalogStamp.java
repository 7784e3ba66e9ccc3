package org.iisdiag.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Remembers, in the cache folder, that a set of catalog files passed their JSON Schemas under this build.
 * Schema validation costs more start-up time than the rest of catalog loading can spare (hundreds of ms in
 * a fresh JVM, mostly the validator's own loading), and its answer can only change when a catalog or the
 * code (with the schemas it carries) changes: so, like the compiled-rule cache, a stamp is keyed on the
 * content of every catalog file and on the code's identity, and a run that finds its stamp skips the
 * schemas. The loader's cross-reference checks run every time. A stamp is written only after a load with
 * no problem at all; any problem reading or writing one only means "validate".
 */
public final class CatalogStamp {
    private static final String FORMAT = "iisdiag-catalogs-valid-v1";
    private static final String PREFIX = "catalogs-valid-";
    private static final String SUFFIX = ".ok";
    /** Stamps kept, the most recently used (catalog sets being edited leave one each). */
    static final int MAX_STAMPS = 16;

    private final Path dir;
    private final List<Path> files;

    public CatalogStamp(Path dir, List<Path> files) {
        this.dir = dir;
        this.files = List.copyOf(files);
    }

    /** Whether these catalog files, as they are now, passed their schemas under this code before. */
    public boolean present() {
        try {
            Path stamp = stamp();
            if (!Files.isRegularFile(stamp)) {
                return false;
            }
            Files.setLastModifiedTime(stamp, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // a stamp that cannot be read or touched is as good as none
        }
    }

    /** Records that the files passed (call only after a load without problems). */
    public void write() {
        try {
            Files.createDirectories(dir);
            Path stamp = stamp();
            Files.writeString(stamp, FORMAT + "\n", StandardCharsets.US_ASCII);
            prune(stamp);
        } catch (IOException | RuntimeException e) {
            // the stamp only saves time; failing to write it must not fail the run
        }
    }

    Path stamp() throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        update(sha, FORMAT);
        update(sha, CodeIdentity.of(CatalogStamp.class));
        update(sha, Integer.toString(files.size()));
        for (Path p : files) {
            update(sha, String.valueOf(p.getFileName()));
            if (Files.isRegularFile(p)) {
                byte[] content = Files.readAllBytes(p);
                update(sha, "file " + content.length);
                sha.update(content);
            } else {
                update(sha, "absent");
            }
        }
        return dir.resolve(PREFIX + HexFormat.of().formatHex(sha.digest(), 0, 16) + SUFFIX);
    }

    private void prune(Path keep) {
        List<Path> stamps = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            found.forEach(p -> {
                if (!p.equals(keep)) {
                    stamps.add(p);
                }
            });
            stamps.sort(Comparator.comparingLong(CatalogStamp::modified).reversed().thenComparing(Comparator.naturalOrder()));
            for (Path old : stamps.subList(Math.min(stamps.size(), MAX_STAMPS - 1), stamps.size())) {
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

    private static void update(MessageDigest sha, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        sha.update((byte) ':');
        sha.update(bytes);
    }
}
