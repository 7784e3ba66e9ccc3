package org.iisdiag.collect;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.iisdiag.TestPack;

/** The case collect/Collect-IisCase.ps1 lays out, as kept under src/test/resources/collect-layout/. */
public final class CollectLayout {
    public static final Path LAYOUT = TestPack.home().resolve("src/test/resources/collect-layout");

    private CollectLayout() {
    }

    /** Its files, relative with '/', in name order. */
    public static List<String> files() throws IOException {
        try (Stream<Path> walk = Files.walk(LAYOUT)) {
            return walk.filter(Files::isRegularFile).map(p -> LAYOUT.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** Zips the layout as Windows PowerShell 5.1's Compress-Archive does: backslashes in entry names. */
    public static Path zipLikeCompressArchive(Path zip) throws IOException {
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String file : files()) {
                z.putNextEntry(new ZipEntry(file.replace('/', '\\')));
                z.write(Files.readAllBytes(LAYOUT.resolve(file)));
                z.closeEntry();
            }
        }
        return zip;
    }
}
