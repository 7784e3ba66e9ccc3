package org.iisdiag.evidence.aggregate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.iisdiag.evidence.LineProblem;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.httperr.HttpErrAggregator;
import org.iisdiag.evidence.w3c.IisLogAggregator;
import org.iisdiag.facts.EvidenceKind;

/**
 * The aggregate file: IIS and HTTPERR logs of many servers already read and aggregated elsewhere (the
 * fleet job on a Spark cluster), which {@code iisdiag diagnose} takes as evidence like the logs
 * themselves. JSON, starting {@code {"format":"iisdiag-aggregate","version":1}} so that it is
 * recognised by content; it holds the aggregates exactly (counts, samples, URI sketches, time-taken
 * histograms, timelines), so a case made of it gives the facts the logs would have given.
 */
public final class AggregateFile {
    public static final String FORMAT = "iisdiag-aggregate";
    public static final int VERSION = 1;
    private static final String HEAD = "{\"format\":\"" + FORMAT + "\"";

    private AggregateFile() {
    }

    /** What reading one source log gave, as the job recorded it. */
    public record Source(String file, EvidenceKind kind, long lines, long entries, long rejected, long bytes,
                         List<LineProblem> problems, List<String> notes, String error) {

        public static Source of(ReadReport r) {
            return new Source(r.file(), r.kind(), r.lines(), r.entries(), r.rejected(), r.bytes(), r.problems(), r.notes(),
                    r.fatalError() == null ? "" : r.fatalError());
        }
    }

    /** A whole aggregate file. */
    public record Contents(List<Source> sources, IisLogAggregator iis, HttpErrAggregator httpErr) {
    }

    /** Whether the head of a file is an aggregate file's. */
    public static boolean recognise(String head) {
        return head.stripLeading().startsWith(HEAD);
    }

    public static void write(OutputStream out, Contents c) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeArrayFieldStart("sources");
            for (Source s : c.sources()) {
                g.writeStartObject();
                g.writeStringField("file", s.file());
                g.writeStringField("kind", s.kind().name());
                g.writeNumberField("lines", s.lines());
                g.writeNumberField("entries", s.entries());
                g.writeNumberField("rejected", s.rejected());
                g.writeNumberField("bytes", s.bytes());
                g.writeArrayFieldStart("problems");
                for (LineProblem p : s.problems()) {
                    g.writeStartArray();
                    g.writeNumber(p.line());
                    g.writeString(p.reason());
                    g.writeEndArray();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("notes");
                for (String n : s.notes()) {
                    g.writeString(n);
                }
                g.writeEndArray();
                g.writeStringField("error", s.error());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("iis");
            c.iis().write(g);
            g.writeFieldName("httpErr");
            c.httpErr().write(g);
            g.writeEndObject();
        }
    }

    public static Contents read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new IOException("not an " + FORMAT + " file");
        }
        if (root.path("version").asInt() != VERSION) {
            throw new IOException(FORMAT + " version " + root.path("version").asText() + " is not supported (this iisdiag reads "
                    + VERSION + ")");
        }
        List<Source> sources = new ArrayList<>();
        for (JsonNode s : root.path("sources")) {
            List<LineProblem> problems = new ArrayList<>();
            for (JsonNode p : s.path("problems")) {
                problems.add(new LineProblem(s.path("file").asText(), p.get(0).asLong(), p.get(1).asText()));
            }
            List<String> notes = new ArrayList<>();
            s.path("notes").forEach(n -> notes.add(n.asText()));
            sources.add(new Source(s.path("file").asText(), EvidenceKind.valueOf(s.path("kind").asText()),
                    s.path("lines").asLong(), s.path("entries").asLong(), s.path("rejected").asLong(), s.path("bytes").asLong(),
                    List.copyOf(problems), List.copyOf(notes), s.path("error").asText()));
        }
        try {
            return new Contents(List.copyOf(sources), IisLogAggregator.read(root.get("iis")),
                    HttpErrAggregator.read(root.get("httpErr")));
        } catch (RuntimeException e) {
            throw new IOException("malformed " + FORMAT + " file: " + e, e);
        }
    }
}
