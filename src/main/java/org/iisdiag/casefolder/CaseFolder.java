package org.iisdiag.casefolder;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.iisdiag.evidence.CountingInputStream;
import org.iisdiag.evidence.Limits;
import org.iisdiag.evidence.Sanitize;
import org.iisdiag.facts.EvidenceKind;

/**
 * Walks a case folder in any layout (nested folders, loose files, .gz files, .zip archives) and
 * sniffs each file's kind from its content. Order is by relative path so runs are deterministic.
 *
 * <p>Nothing is silently skipped but hidden files: symbolic links are listed and never followed (a link
 * can loop, lead out of the case to /etc, or dangle), FIFOs, devices and sockets are listed and never
 * opened (opening a FIFO blocks), each zip entry is read under its own name even when two share one
 * ({@code a.log}, {@code a.log#2}), entry names that climb out of the archive are refused and listed,
 * and files beyond {@link Limits#FILES_PER_CASE} are listed as one entry. Decompression is bounded
 * ({@link InflationGuard}).
 */
public final class CaseFolder {
    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;

    private CaseFolder() {
    }

    /** The files of a case, in name order, and those that could not be opened. */
    public record Scan(Path root, List<CaseFile> files, List<UnreadableFile> unreadable) {
    }

    /** What the walk found: regular files to open, and links and special files only to list. */
    private record Found(Path path, EvidenceKind listedAs) {
    }

    public static Scan scan(Path root) throws CaseFolderException {
        if (!Files.exists(root)) {
            throw new CaseFolderException("case folder does not exist: " + root);
        }
        if (Files.isRegularFile(root)) {
            return scanFile(root);
        }
        if (!Files.isDirectory(root)) {
            throw new CaseFolderException("neither a folder nor a file: " + root);
        }
        if (!Files.isReadable(root)) {
            throw new CaseFolderException("case folder is not readable: " + root);
        }
        Path base;
        try {
            // the case folder itself may be a link (the user named it); what is inside is not followed
            base = root.toRealPath();
        } catch (IOException e) {
            throw new CaseFolderException("cannot open case folder " + root + ": " + e.getMessage());
        }
        List<Found> found = new ArrayList<>();
        List<UnreadableFile> unreadable = new ArrayList<>();
        try {
            // walkFileTree, not Files.walk: an unreadable subfolder is reported, not fatal to the case;
            // without FOLLOW_LINKS a link is visited as itself and never entered
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(base) && isHiddenPath(base.relativize(dir))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isHiddenPath(base.relativize(file))) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        found.add(new Found(file, EvidenceKind.SYMLINK));
                    } else if (attrs.isRegularFile()) {
                        found.add(new Found(file, null));
                    } else {
                        found.add(new Found(file, EvidenceKind.SPECIAL_FILE));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    unreadable.add(new UnreadableFile(relativeName(base, file), describe(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new CaseFolderException("cannot list case folder " + root + ": " + e.getMessage());
        }
        found.sort(Comparator.comparing(f -> relativeName(base, f.path())));
        InflationGuard.CaseBudget budget = new InflationGuard.CaseBudget();
        List<CaseFile> files = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Found f = found.get(i);
            String name = relativeName(base, f.path());
            if (files.size() + unreadable.size() >= Limits.FILES_PER_CASE) {
                unreadable.add(new UnreadableFile(name + " and " + Limits.number(found.size() - i - 1L) + " more",
                        Limits.note("files-per-case", Limits.FILES_PER_CASE, "these files (from this one on, in name"
                                + " order) were not read")));
                break;
            }
            if (f.listedAs() != null) {
                files.add(new CaseFile(name, f.listedAs(), 0, () -> {
                    throw new IOException(name + " is not read (" + f.listedAs().label() + ")");
                }));
                continue;
            }
            try {
                if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    addZipEntries(f.path(), name, files, unreadable, budget);
                } else {
                    List<String> notes = notes();
                    files.add(sniffed(name, Files.size(f.path()), plainOrGzip(f.path(), notes, budget), notes));
                }
            } catch (IOException e) {
                unreadable.add(new UnreadableFile(name, describe(e)));
            }
        }
        unreadable.sort(Comparator.comparing(UnreadableFile::name));
        return new Scan(root, List.copyOf(files), List.copyOf(unreadable));
    }

    /**
     * Whether {@code out} is inside {@code caseDir} (or is it): a report written there would be read as
     * evidence by the next run. Links and relative paths are resolved as far as the path exists, and on
     * Windows and macOS (case-insensitive file systems) names are compared ignoring case.
     */
    public static boolean contains(Path caseDir, Path out) {
        Path dir = resolved(caseDir);
        Path file = resolved(out);
        if (file.startsWith(dir)) {
            return true;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return file.toString().toLowerCase(Locale.ROOT).startsWith(dir.toString().toLowerCase(Locale.ROOT)
                    + (dir.toString().endsWith(dir.getFileSystem().getSeparator()) ? "" : dir.getFileSystem().getSeparator()))
                    || file.toString().equalsIgnoreCase(dir.toString());
        }
        return false;
    }

    /** The real path of the longest existing prefix of {@code p}, with the rest appended. */
    private static Path resolved(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        Path rest = null;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            Path real = existing.toRealPath();
            return rest == null ? real : real.resolve(rest).normalize();
        } catch (IOException e) {
            return abs;
        }
    }

    private static List<String> notes() {
        return Collections.synchronizedList(new ArrayList<>());
    }

    /** One file as a whole case, named by its file name (entries of an archive as "case.zip!/entry"). */
    private static Scan scanFile(Path file) throws CaseFolderException {
        if (!Files.isReadable(file)) {
            throw new CaseFolderException("case file is not readable: " + file);
        }
        String name = Sanitize.forTerminal(file.getFileName().toString());
        List<CaseFile> files = new ArrayList<>();
        List<UnreadableFile> unreadable = new ArrayList<>();
        InflationGuard.CaseBudget budget = new InflationGuard.CaseBudget();
        try {
            if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                addZipEntries(file, name, files, unreadable, budget);
            } else {
                List<String> notes = notes();
                files.add(sniffed(name, Files.size(file), plainOrGzip(file, notes, budget), notes));
            }
        } catch (IOException e) {
            unreadable.add(new UnreadableFile(name, describe(e)));
        }
        unreadable.sort(Comparator.comparing(UnreadableFile::name));
        return new Scan(file.toAbsolutePath().getParent(), List.copyOf(files), List.copyOf(unreadable));
    }

    /**
     * An archive entry's name as shown: '/' separators (Windows PowerShell 5.1's Compress-Archive writes
     * '\\'), no "." parts. Names that climb out or are absolute are refused before this
     * ({@link #unsafeEntryName}).
     */
    static String entryName(String raw) {
        List<String> parts = new ArrayList<>();
        for (String part : raw.replace('\\', '/').split("/")) {
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static boolean isHiddenPath(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static String relativeName(Path root, Path p) {
        return Sanitize.forTerminal(root.relativize(p).toString().replace('\\', '/'));
    }

    /** Opens plain files as they are and gzip files decompressed (bounded), decided by the magic bytes. */
    private static CaseFile.Opener plainOrGzip(Path p, List<String> notes, InflationGuard.CaseBudget budget)
            throws IOException {
        boolean gzip;
        try (InputStream in = Files.newInputStream(p)) {
            gzip = in.read() == GZIP_MAGIC_0 && in.read() == GZIP_MAGIC_1;
        }
        if (gzip) {
            return () -> {
                CountingInputStream raw = new CountingInputStream(Files.newInputStream(p));
                return new InflationGuard(new GZIPInputStream(raw, 1 << 16), n -> CaseFile.note(notes, n), budget,
                        raw::count);
            };
        }
        return () -> Files.newInputStream(p);
    }

    private static void addZipEntries(Path zip, String zipName, List<CaseFile> files,
                                      List<UnreadableFile> unreadable, InflationGuard.CaseBudget budget) throws IOException {
        long zipSize = Files.size(zip);
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (Enumeration<? extends ZipEntry> e = zf.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    entries.add(entry);
                }
            }
            // occurrence numbers in archive order, before sorting by name
            List<int[]> occurrence = new ArrayList<>();
            for (ZipEntry entry : entries) {
                occurrence.add(new int[] {seen.merge(entry.getName(), 1, Integer::sum)});
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparing((Integer i) -> entryName(entries.get(i).getName()))
                    .thenComparing(i -> entries.get(i).getName()).thenComparingInt(i -> occurrence.get(i)[0]));
            for (int i : order) {
                ZipEntry entry = entries.get(i);
                String entryName = entry.getName();
                int nth = occurrence.get(i)[0];
                boolean duplicated = seen.get(entryName) > 1;
                // a refused name is shown as it is in the archive, so the attempt is visible
                String shown = unsafeEntryName(entryName) ? entryName : entryName(entryName);
                String name = zipName + "!/" + Sanitize.forTerminal(shown) + (nth > 1 ? "#" + nth : "");
                if (unsafeEntryName(entryName)) {
                    unreadable.add(new UnreadableFile(name, "refused: the entry name climbs out of the archive or is"
                            + " absolute (zip slip); it was not read"));
                    continue;
                }
                List<String> notes = notes();
                if (duplicated && nth == 1) {
                    CaseFile.note(notes, "the archive has " + seen.get(entryName) + " entries named " + entryName
                            + "; each is read under its own name (" + name + ", " + name + "#2 ...)");
                }
                long compressed = Math.max(1, Math.min(entry.getCompressedSize() < 0 ? zipSize : entry.getCompressedSize(),
                        zipSize));
                CaseFile.Opener opener = () -> {
                    InputStream in = duplicated ? nthEntry(zip, entryName, nth) : fromZipFile(zip, entryName);
                    InputStream guarded = new InflationGuard(in, n -> CaseFile.note(notes, n), budget, () -> compressed);
                    if (entryName.toLowerCase(Locale.ROOT).endsWith(".gz")) {
                        return new InflationGuard(new GZIPInputStream(guarded, 1 << 16), n -> CaseFile.note(notes, n),
                                budget, () -> compressed);
                    }
                    return guarded;
                };
                try {
                    files.add(sniffed(name, entry.getSize(), opener, notes));
                } catch (IOException ex) {
                    unreadable.add(new UnreadableFile(name, describe(ex)));
                }
            }
        }
    }

    /** Absolute names, drive letters and ".." segments: harmless here (nothing is extracted), but never what a case holds. */
    static boolean unsafeEntryName(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || (n.length() > 1 && n.charAt(1) == ':')) {
            return true;
        }
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static InputStream fromZipFile(Path zip, String entryName) throws IOException {
        ZipFile z = new ZipFile(zip.toFile());
        try {
            InputStream in = z.getInputStream(z.getEntry(entryName));
            return new java.io.FilterInputStream(in) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        z.close();
                    }
                }
            };
        } catch (IOException | RuntimeException e) {
            z.close();
            throw e;
        }
    }

    /**
     * The {@code nth} entry named {@code entryName}: ZipFile finds entries by name, so only one of two
     * entries with the same name could ever be read through it; the archive is streamed instead.
     */
    private static InputStream nthEntry(Path zip, String entryName, int nth) throws IOException {
        ZipInputStream z = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip), 1 << 16));
        try {
            int count = 0;
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                if (e.getName().equals(entryName) && ++count == nth) {
                    return z;
                }
            }
        } catch (IOException | RuntimeException e) {
            z.close();
            throw e;
        }
        z.close();
        throw new IOException("entry " + nth + " named " + entryName + " not found in the archive's local headers");
    }

    /** One head buffer for the whole (sequential) scan: 8 KiB of garbage per file adds up over 100,000 files. */
    private static final ThreadLocal<byte[]> HEAD = ThreadLocal.withInitial(() -> new byte[EvidenceSniffer.HEAD_BYTES]);

    private static CaseFile sniffed(String name, long size, CaseFile.Opener opener, List<String> notes) throws IOException {
        byte[] head = HEAD.get();
        int n;
        try (InputStream in = opener.open()) {
            n = in.readNBytes(head, 0, head.length);
        }
        String logicalName = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        EvidenceKind kind = EvidenceSniffer.sniff(logicalName, head, n);
        if (kind == EvidenceKind.UNKNOWN && n == head.length && XmlProlog.unfinished(EvidenceSniffer.decodeHead(head, n))) {
            // a long prolog (comments, a DOCTYPE): look at the root element wherever it is
            try (InputStream in = opener.open()) {
                String fromRoot = XmlProlog.fromRoot(org.iisdiag.evidence.eventlog.TextDecoding.reader(in),
                        EvidenceSniffer.HEAD_BYTES);
                byte[] rootHead = fromRoot.getBytes(StandardCharsets.UTF_8);
                kind = EvidenceSniffer.sniff(logicalName, rootHead, rootHead.length);
            }
        }
        return new CaseFile(name, kind, size, opener, notes);
    }

    static String describe(IOException e) {
        String msg = e.getMessage();
        String type = e.getClass().getSimpleName();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.util.zip.ZipException) {
            return "corrupt archive: " + (msg == null ? type : msg);
        }
        return msg == null ? type : type + ": " + msg;
    }
}
