package org.iisdiag.evidence.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.iisdiag.evidence.EvidenceReader;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.config.WebConfigReader;
import org.iisdiag.evidence.eventlog.EventLogReader;
import org.iisdiag.evidence.freb.FrebReader;
import org.iisdiag.facts.EvidenceKind;
import org.junit.jupiter.api.Test;

class SafeXmlTest {
    /** The JDK's parser printed "[Fatal Error] :-1:-1: Invalid byte 1 of 1-byte UTF-8 sequence." to stderr. */
    @Test
    void badUtf8PrintsNothingOnStderrInAnyXmlReader() throws Exception {
        byte[] bad = {'<', 'c', 'o', 'n', 'f', 'i', 'g', 'u', 'r', 'a', 't', 'i', 'o', 'n', '>', (byte) 0xC3, (byte) 0x28,
                (byte) 0xFF, '<', '/', 'c', 'o', 'n', 'f', 'i', 'g', 'u', 'r', 'a', 't', 'i', 'o', 'n', '>'};
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (EvidenceReader reader : new EvidenceReader[] {new WebConfigReader(), new FrebReader(), new EventLogReader()}) {
                ReadReport r = new ReadReport("x.xml", EvidenceKind.UNKNOWN);
                try {
                    reader.read("x.xml", "", new ByteArrayInputStream(bad), r);
                } catch (java.io.IOException e) {
                    // FREB says "not a Failed Request Tracing file": that is the report's business, not stderr's
                }
            }
        } finally {
            System.setErr(before);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void oneRefusalForADoctypeWhereverItIsAndLinesMappedBackAfterCutValues() throws Exception {
        String doc = "<configuration>\n<a b=\"" + "x\n".repeat(100_000) + "\"/>\n<!DOCTYPE x>\n</configuration>";
        ReadReport r = new ReadReport("web.config", EvidenceKind.WEB_CONFIG);
        new WebConfigReader().read("web.config", "", new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)), r);
        // the line breaks of the cut value are dropped before the parser, and still counted
        assertThat(r.fatalError()).isEqualTo("web.config:100003: " + SafeXml.REFUSED);
        assertThat(r.notes()).anyMatch(n -> n.startsWith("limit config-value-chars (16,384) reached: 1 XML values"));
    }
}
