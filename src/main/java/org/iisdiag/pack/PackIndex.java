package org.iisdiag.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a pack folder (rules/ and knowledge-base/) with their size and SHA-256, one
 * "sha256 size path" line each, in path order. Written into the jar at build time, because the
 * resources of a jar cannot be listed reliably; read at run time to unpack and verify the built-in pack.
 */
public final class PackIndex {
    /** The index's name inside the pack folder. */
    public static final String FILE_NAME = "index.txt";

    /** One file: its path relative to the pack root, with '/' separators. */
    public record Entry(String path, long size, String sha256) {
    }

    private final List<Entry> entries;

    private PackIndex(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Indexes every regular file under {@code root} except the index itself. */
    public static PackIndex of(Path root) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String path = relative(root, file);
                if (path.equals(FILE_NAME)) {
                    continue;
                }
                entries.add(new Entry(path, Files.size(file), sha256(file)));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        entries.sort(Comparator.comparing(Entry::path));
        return new PackIndex(entries);
    }

    public static PackIndex parse(String text) throws IOException {
        List<Entry> entries = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n")) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(" ", 3);
            if (parts.length != 3 || parts[0].length() != 64) {
                throw new IOException(FILE_NAME + ":" + lineNo + ": not a 'sha256 size path' line");
            }
            try {
                entries.add(new Entry(parts[2], Long.parseLong(parts[1]), parts[0]));
            } catch (NumberFormatException e) {
                throw new IOException(FILE_NAME + ":" + lineNo + ": bad size '" + parts[1] + "'");
            }
        }
        return new PackIndex(entries);
    }

    public String format() {
        StringBuilder b = new StringBuilder();
        for (Entry e : entries) {
            b.append(e.sha256()).append(' ').append(e.size()).append(' ').append(e.path()).append('\n');
        }
        return b.toString();
    }

    /** SHA-256 of the index text: names the content of the whole pack. */
    public String digest() {
        return Sha256.hex(format().getBytes(StandardCharsets.UTF_8));
    }

    public static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    /** Reads {@code in} to the end and returns its SHA-256. */
    static String sha256(InputStream in) throws IOException {
        MessageDigest sha = Sha256.digest();
        try (DigestInputStream d = new DigestInputStream(in, sha)) {
            d.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return Sha256.hex(sha);
    }

    /** The folders of a project or installation that make up the pack. */
    static final List<String> FOLDERS = List.of("rules", "knowledge-base");

    /**
     * Build step ({@code PackIndex SOURCE_DIR PACK_DIR}): copies rules/ and knowledge-base/ of SOURCE_DIR
     * into PACK_DIR afresh (so a file deleted from the project is gone from the jar too; hidden files
     * are left out) and writes {@value #FILE_NAME} there.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PackIndex SOURCE_DIR PACK_DIR");
        }
        Path source = Path.of(args[0]);
        Path pack = Path.of(args[1]);
        BuiltInPack.deleteTree(pack);
        for (String folder : FOLDERS) {
            Path from = source.resolve(folder);
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    Path rel = from.relativize(file);
                    if (hidden(rel)) {
                        continue;
                    }
                    Path to = pack.resolve(folder).resolve(rel.toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(file, to);
                }
            }
        }
        Files.writeString(pack.resolve(FILE_NAME), of(pack).format(), StandardCharsets.UTF_8);
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
