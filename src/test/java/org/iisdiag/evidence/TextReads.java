package org.iisdiag.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.iisdiag.facts.EvidenceKind;

/** Feeds a reader one file given as text, as the collector would, for reader tests. */
public final class TextReads {
    private TextReads() {
    }

    public static ReadReport read(EvidenceReader reader, EvidenceKind kind, String name, String text) throws IOException {
        ReadReport report = new ReadReport(name, kind);
        reader.read(name, "", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), report);
        return report;
    }
}
