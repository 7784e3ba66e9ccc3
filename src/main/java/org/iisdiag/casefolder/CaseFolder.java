package org.iisdiag.casefolder;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.iisdiag.facts.EvidenceKind;

/**
 * Walks a case folder in any layout (nested folders, loose files, .gz files, .zip archives) and
 * sniffs each file's kind from its content. Order is by relative path so runs are deterministic. A
 * single file (a log, an event export, a .zip or .gz archive) is a case of its own.
 *
 * <p>Archives are read in place, never unpacked to disk, so an entry named "../x" cannot write anywhere
 * (its name is only shown, cleaned up); and what a .gz file or an archive entry decompresses to is
 * capped at {@link #MAX_DECOMPRESSED_BYTES}, so a zip bomb fails that one entry instead of running for hours.
 */
public final class CaseFolder {
    private static final int GZIP_MAGIC_0 = 0x1f;
    private static final int GZIP_MAGIC_1 = 0x8b;
    /** Most bytes one compressed file or archive entry may decompress to: far above a day of IIS logs. */
    public static final long MAX_DECOMPRESSED_BYTES = 64L << 30;

    private CaseFolder() {
    }

    /** The files of a case, in name order, and those that could not be opened. */
    public record Scan(Path root, List<CaseFile> files, List<UnreadableFile> unreadable) {
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
        List<Path> paths = new ArrayList<>();
        List<UnreadableFile> unreadable = new ArrayList<>();
        try {
            // walkFileTree, not Files.walk: an unreadable subfolder is reported, not fatal to the case
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && isHiddenPath(root.relativize(dir))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !isHiddenPath(root.relativize(file))) {
                        paths.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    unreadable.add(new UnreadableFile(relativeName(root, file), describe(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new CaseFolderException("cannot list case folder " + root + ": " + e.getMessage());
        }
        paths.sort(Comparator.comparing(p -> relativeName(root, p)));
        List<CaseFile> files = new ArrayList<>();
        for (Path p : paths) {
            String name = relativeName(root, p);
            try {
                if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                    addZipEntries(p, name, files, unreadable);
                } else {
                    files.add(sniffed(name, Files.size(p), plainOrGzip(p)));
                }
            } catch (IOException e) {
                unreadable.add(new UnreadableFile(name, describe(e)));
            }
        }
        unreadable.sort(Comparator.comparing(UnreadableFile::name));
        return new Scan(root, List.copyOf(files), List.copyOf(unreadable));
    }

    /** One file as a whole case, named by its file name (entries of an archive as "case.zip!/entry"). */
    private static Scan scanFile(Path file) throws CaseFolderException {
        if (!Files.isReadable(file)) {
            throw new CaseFolderException("case file is not readable: " + file);
        }
        String name = file.getFileName().toString();
        List<CaseFile> files = new ArrayList<>();
        List<UnreadableFile> unreadable = new ArrayList<>();
        try {
            if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                addZipEntries(file, name, files, unreadable);
            } else {
                files.add(sniffed(name, Files.size(file), plainOrGzip(file)));
            }
        } catch (IOException e) {
            unreadable.add(new UnreadableFile(name, describe(e)));
        }
        unreadable.sort(Comparator.comparing(UnreadableFile::name));
        return new Scan(file.toAbsolutePath().getParent(), List.copyOf(files), List.copyOf(unreadable));
    }

    /**
     * An archive entry's name as shown: '/' separators (Windows PowerShell 5.1's Compress-Archive writes
     * '\'), no drive, no leading '/', no "." or ".." parts.
     */
    static String entryName(String raw) {
        List<String> parts = new ArrayList<>();
        for (String part : raw.replace('\\', '/').split("/")) {
            if (!part.isEmpty() && !part.equals(".") && !part.equals("..") && !part.matches("[A-Za-z]:")) {
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
        return root.relativize(p).toString().replace('\\', '/');
    }

    /** Opens plain files as they are and gzip files decompressed, decided by the magic bytes. */
    private static CaseFile.Opener plainOrGzip(Path p) throws IOException {
        boolean gzip;
        try (InputStream in = Files.newInputStream(p)) {
            gzip = in.read() == GZIP_MAGIC_0 && in.read() == GZIP_MAGIC_1;
        }
        if (gzip) {
            return () -> capped(new GZIPInputStream(Files.newInputStream(p), 1 << 16));
        }
        return () -> Files.newInputStream(p);
    }

    private static void addZipEntries(Path zip, String zipName, List<CaseFile> files,
                                      List<UnreadableFile> unreadable) throws IOException {
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zf.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    entries.add(entry);
                }
            }
            entries.sort(Comparator.comparing((ZipEntry e) -> entryName(e.getName())).thenComparing(ZipEntry::getName));
            for (ZipEntry entry : entries) {
                String name = zipName + "!/" + entryName(entry.getName());
                String entryName = entry.getName();
                if (entry.getSize() > MAX_DECOMPRESSED_BYTES) {
                    unreadable.add(new UnreadableFile(name, tooLarge()));
                    continue;
                }
                CaseFile.Opener opener = () -> {
                    ZipFile z = new ZipFile(zip.toFile());
                    InputStream in = z.getInputStream(z.getEntry(entryName));
                    InputStream raw = new java.io.FilterInputStream(in) {
                        @Override
                        public void close() throws IOException {
                            try {
                                super.close();
                            } finally {
                                z.close();
                            }
                        }
                    };
                    if (entryName.toLowerCase(Locale.ROOT).endsWith(".gz")) {
                        return capped(new GZIPInputStream(capped(raw), 1 << 16));
                    }
                    return capped(raw);
                };
                try {
                    files.add(sniffed(name, entry.getSize(), opener));
                } catch (IOException ex) {
                    unreadable.add(new UnreadableFile(name, describe(ex)));
                }
            }
        }
    }

    private static String tooLarge() {
        return "decompresses to more than " + MAX_DECOMPRESSED_BYTES + " bytes (a zip bomb?); not read";
    }

    private static InputStream capped(InputStream in) {
        return capped(in, MAX_DECOMPRESSED_BYTES);
    }

    /** Fails the read once more than {@code limit} bytes came out of a decompressor. */
    static InputStream capped(InputStream in, long limit) {
        return new java.io.FilterInputStream(in) {
            private long total;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(long n) throws IOException {
                total += n;
                if (total > limit) {
                    throw new IOException("decompresses to more than " + limit + " bytes (a zip bomb?); not read");
                }
            }
        };
    }

    private static CaseFile sniffed(String name, long size, CaseFile.Opener opener) throws IOException {
        byte[] head = new byte[EvidenceSniffer.HEAD_BYTES];
        int n;
        try (InputStream in = new BufferedInputStream(opener.open())) {
            n = in.readNBytes(head, 0, head.length);
        }
        String logicalName = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        EvidenceKind kind = EvidenceSniffer.sniff(logicalName, head, n);
        return new CaseFile(name, kind, size, opener);
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
