package org.iisdiag.evidence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads collect.log, the log collect/Collect-IisCase.ps1 leaves in the case ("TIME STATUS Source:
 * text" lines): each source it could not collect, and each note (a log folder that does not exist),
 * becomes a note on the file, so the report says what evidence is missing and why.
 */
final class CollectionLog {
    private static final Pattern LINE = Pattern.compile("^\\S+ (FAILED|NOTE) +(.+)$");

    private CollectionLog() {
    }

    static void read(InputStream in, ReadReport report) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long lines = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lines++;
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                report.note((m.group(1).equals("FAILED") ? "not collected: " : "collection note: ") + m.group(2).strip());
            }
        }
        report.addLines(lines);
    }
}
