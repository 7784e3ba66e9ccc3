package org.iisdiag.evidence.hostile;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the hostile input classes of issue 10 into a case folder, streamed (never held in memory), so
 * the tests can generate them in their temporary folder instead of keeping them in the repository.
 */
public final class HostileInputs {
    private HostileInputs() {
    }

    /** The classes: a huge single value per XML/CSV/log/JSON format, many files, a HAR with a Server per entry. */
    public enum Kind { WEB_CONFIG_VALUE, FREB_VALUE, EVENT_XML_VALUE, EVENT_CSV_VALUE, ANCM_LINE, HAR_VALUE, HAR_SERVERS, MANY_FILES,
        ZIP_BOMB }

    /** Writes {@code kind} with a value (or count) of {@code size} into {@code dir}. */
    public static void write(Kind kind, long size, Path dir) throws IOException {
        Files.createDirectories(dir);
        switch (kind) {
            case WEB_CONFIG_VALUE -> file(dir.resolve("web.config"), "<configuration><system.webServer><aspNetCore processPath=\"dotnet\" arguments=\"",
                    size, 'a', "\"/></system.webServer></configuration>\n");
            case FREB_VALUE -> file(dir.resolve("fr000001.xml"), "<failedRequest url=\"http://x/\" statusCode=\"500\"><Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\">"
                    + "<System><Level>2</Level></System><EventData><Data Name=\"ModuleName\">", size, 'm',
                    "</Data></EventData><RenderingInfo><Opcode>MODULE_SET_RESPONSE_ERROR_STATUS</Opcode></RenderingInfo></Event></failedRequest>\n");
            case EVENT_XML_VALUE -> file(dir.resolve("events.xml"), "<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System>"
                    + "<Provider Name=\"ASP.NET 4.0.30319.0\"/><EventID>1309</EventID></System><EventData><Data>", size, 'e',
                    "</Data></EventData></Event>\n");
            case EVENT_CSV_VALUE -> file(dir.resolve("events.csv"), "\"Message\",\"Id\",\"ProviderName\",\"TimeCreated\"\r\n\"", size, 'c',
                    "\",\"1000\",\"Application Error\",\"1/9/2025 10:00:00 AM\"\r\n");
            case ANCM_LINE -> file(dir.resolve("stdout_20250109100000_1.log"), "fail: ", size, 'l', "\n");
            case HAR_VALUE -> file(dir.resolve("big.har"), "{\"log\":{\"entries\":[{\"request\":{\"url\":\"https://x/", size, 'h',
                    "\"},\"response\":{\"status\":500}}]}}\n");
            case HAR_SERVERS -> {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("servers.har")), 1 << 16)) {
                    out.write("{\"log\":{\"entries\":[".getBytes(StandardCharsets.US_ASCII));
                    for (long i = 0; i < size; i++) {
                        out.write(((i == 0 ? "" : ",") + "{\"request\":{\"url\":\"https://h" + (i % 5000) + ".example/p\"},"
                                + "\"response\":{\"status\":503,\"headers\":[{\"name\":\"Server\",\"value\":\"srv-" + i + "\"}]}}\n")
                                .getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("]}}\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
            case MANY_FILES -> {
                byte[] tiny = "2025-01-09 10:00:00 10.0.0.1 GET / - 80 - 10.0.0.2 UA - 500 0 0 1\n".getBytes(StandardCharsets.US_ASCII);
                for (long i = 0; i < size; i++) {
                    Path sub = dir.resolve("d" + (i / 1000));
                    if (i % 1000 == 0) {
                        Files.createDirectories(sub);
                    }
                    Files.write(sub.resolve("f" + i + ".txt"), tiny);
                }
            }
            case ZIP_BOMB -> {
                // one member of `size` bytes of a repeated log line: it deflates about 300:1
                try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(dir.resolve("logs.zip")), 1 << 16))) {
                    zip.setLevel(9);
                    zip.putNextEntry(new java.util.zip.ZipEntry("W3SVC1/u_ex250109.log"));
                    byte[] chunk = "2025-01-09 10:00:00 10.0.0.1 GET / - 80 - 10.0.0.2 UA - 500 0 0 1\n".repeat(16_384)
                            .getBytes(StandardCharsets.US_ASCII);
                    for (long left = size; left > 0; left -= chunk.length) {
                        zip.write(chunk, 0, (int) Math.min(left, chunk.length));
                    }
                    zip.closeEntry();
                }
            }
            default -> throw new IllegalArgumentException(kind.toString());
        }
    }

    private static void file(Path p, String before, long size, char fill, String after) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(p), 1 << 16)) {
            out.write(before.getBytes(StandardCharsets.UTF_8));
            byte[] chunk = String.valueOf(fill).repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (long left = size; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(left, chunk.length));
            }
            out.write(after.getBytes(StandardCharsets.UTF_8));
        }
    }
}
