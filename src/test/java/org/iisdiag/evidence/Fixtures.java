package org.iisdiag.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.iisdiag.evidence.httperr.HttpErrAggregator;
import org.iisdiag.evidence.httperr.HttpErrReader;
import org.iisdiag.evidence.w3c.IisLogAggregator;
import org.iisdiag.evidence.w3c.IisLogReader;
import org.iisdiag.facts.EvidenceKind;

/** Test helpers: read a classpath fixture or an inline text through the real readers. */
public final class Fixtures {
    private Fixtures() {
    }

    public static InputStream resource(String path) {
        InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + path);
        }
        return in;
    }

    /** A fixture file or folder on disk (test resources are plain files under target/test-classes). */
    public static java.nio.file.Path path(String path) {
        try {
            return java.nio.file.Path.of(java.util.Objects.requireNonNull(Fixtures.class.getResource("/fixtures/" + path),
                    "no fixture " + path).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static byte[] bytes(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    public static ReadReport iis(IisLogAggregator agg, String name, String siteHint, InputStream in) throws IOException {
        ReadReport report = new ReadReport(name, EvidenceKind.IIS_W3C_LOG);
        new IisLogReader(agg).read(name, siteHint, "", in, report);
        return report;
    }

    public static ReadReport httpErr(HttpErrAggregator agg, String name, InputStream in) throws IOException {
        ReadReport report = new ReadReport(name, EvidenceKind.HTTPERR_LOG);
        new HttpErrReader(agg).read(name, "", in, report);
        return report;
    }
}
