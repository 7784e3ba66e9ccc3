package org.iisdiag.evidence.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

import org.codehaus.stax2.XMLInputFactory2;
import org.iisdiag.evidence.Limits;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.eventlog.TextDecoding;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;

/**
 * The one way the readers parse XML from a case (web.config, applicationHost.config, FREB traces,
 * event-log exports):
 * <ul>
 * <li>DTDs and external entities off, and a document with a DOCTYPE refused before the parser sees it,
 * with one message ({@link #REFUSED}): DTD entities are how entity-expansion ("billion laughs") and
 * external-entity (XXE) attacks work, and none of these files ever has one;</li>
 * <li>Woodstox rather than the JDK's parser: its messages are English whatever the default locale, and
 * it never prints {@code [Fatal Error]} lines to stderr (the JDK's does, for bad UTF-8);</li>
 * <li>the bytes are decoded here (BOM, UTF-16, the XML declaration's encoding; bad bytes become
 * U+FFFD) and every value is cut to a prefix ({@link ValueCapReader}), so a 600 MB attribute or text
 * never reaches the heap; cuts are counted and {@link Input#noteLimits} reports them;</li>
 * <li>depth, attributes per element and tag length are capped ({@link Limits}).</li>
 * </ul>
 */
public final class SafeXml {
    /** What a file with a DOCTYPE gets, after "file:line: ". */
    public static final String REFUSED = "refused: the document has a DOCTYPE (DTD) declaration; IIS configuration,"
            + " trace and event files never have one, and DTD entities are how entity-expansion (billion laughs) and"
            + " external-entity (XXE) attacks work. Nothing was expanded or fetched.";

    private static final XMLInputFactory FACTORY = factory();

    private SafeXml() {
    }

    private static XMLInputFactory factory() {
        WstxInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // with no DTD only the five predefined entities exist: any other reference is then an error
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        f.setProperty(XMLInputFactory.IS_VALIDATING, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory2.P_REPORT_PROLOG_WHITESPACE, false);
        // errors at next(), as XMLStreamException: lazy parsing throws unchecked ones from getText() later
        f.setProperty(XMLInputFactory2.P_LAZY_PARSING, false);
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, Limits.XML_DEPTH);
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, Limits.XML_ATTRIBUTES);
        f.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });
        return f;
    }

    /** Opens {@code in} (bytes in any encoding Windows writes) with every value cut to {@code maxValueChars}. */
    public static Input open(InputStream in, int maxValueChars) throws IOException {
        return open(TextDecoding.reader(in), maxValueChars);
    }

    /** Opens already decoded text. */
    public static Input open(Reader text, int maxValueChars) {
        ValueCapReader capped = new ValueCapReader(text, maxValueChars);
        XMLStreamReader reader;
        try {
            reader = FACTORY.createXMLStreamReader(capped);
        } catch (XMLStreamException e) {
            // the parser reads the prolog at once: its failure (a DOCTYPE ...) surfaces at the first next()
            reader = new Failed(e);
        }
        return new Input(reader, capped, maxValueChars);
    }

    /** A parse that failed before its first event: every reader loop meets the failure in one place. */
    private static final class Failed extends StreamReaderDelegate {
        private final XMLStreamException failure;

        Failed(XMLStreamException failure) {
            this.failure = failure;
        }

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public int next() throws XMLStreamException {
            throw failure;
        }

        @Override
        public Location getLocation() {
            return failure.getLocation();
        }

        @Override
        public void close() {
            // nothing was opened
        }
    }

    /** A parse in progress. */
    public static final class Input implements AutoCloseable {
        private final XMLStreamReader reader;
        private final ValueCapReader capped;
        private final int maxValueChars;

        private Input(XMLStreamReader reader, ValueCapReader capped, int maxValueChars) {
            this.reader = reader;
            this.capped = capped;
            this.maxValueChars = maxValueChars;
        }

        public XMLStreamReader reader() {
            return reader;
        }

        /** The line of the file where the current event starts. */
        public long line() {
            return line(reader.getLocation());
        }

        /** The line of the file a parser location is on (values cut with their line breaks shift lines). */
        public long line(Location l) {
            return l == null || l.getLineNumber() < 1 ? 0 : capped.inputLine(l.getLineNumber());
        }

        /** The line where a failure happened: the refused DOCTYPE, the over-long tag, or the parser's location. */
        public long line(XMLStreamException e) {
            Throwable c = cause(e);
            if (c instanceof ValueCapReader.DoctypeException d) {
                return d.line;
            }
            if (c instanceof ValueCapReader.TagTooLongException t) {
                return t.line;
            }
            long at = line(e.getLocation());
            return at > 0 ? at : line();
        }

        /** Notes the values that were cut, naming the limit. */
        public void noteLimits(ReadReport report, String limitName) {
            if (capped.truncatedValues() > 0) {
                report.note(Limits.note(limitName, maxValueChars, Limits.number(capped.truncatedValues())
                        + " XML values longer than that were cut to their first characters (the first at line "
                        + capped.firstTruncatedLine() + ")"));
            }
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing more to read
            }
        }
    }

    /** Whether the failure is the refusal of a DOCTYPE. */
    public static boolean refused(XMLStreamException e) {
        return cause(e) instanceof ValueCapReader.DoctypeException;
    }

    /** A parser failure in plain English, without the parser's location suffix or prefix. */
    public static String message(XMLStreamException e) {
        Throwable c = cause(e);
        if (c instanceof ValueCapReader.DoctypeException) {
            return REFUSED;
        }
        if (c instanceof ValueCapReader.TagTooLongException) {
            return Limits.note("xml-tag-chars", Limits.XML_TAG_CHARS, "a tag is longer than that; not read further");
        }
        if (c instanceof IOException io && c != e) {
            return io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int at = m.indexOf("\n at [");
        if (at >= 0) {
            m = m.substring(0, at);
        }
        int msg = m.indexOf("Message: ");
        if (msg >= 0) {
            m = m.substring(msg + "Message: ".length());
        }
        m = m.replaceAll("\\s+", " ").strip();
        return m.length() > 300 ? m.substring(0, 297) + "..." : m;
    }

    private static Throwable cause(XMLStreamException e) {
        Throwable t = e.getNestedException() != null ? e.getNestedException() : e.getCause();
        for (int i = 0; t != null && i < 5; i++) {
            if (t instanceof ValueCapReader.DoctypeException || t instanceof ValueCapReader.TagTooLongException) {
                return t;
            }
            Throwable next = t instanceof XMLStreamException x && x.getNestedException() != null ? x.getNestedException()
                    : t.getCause();
            if (next == null || next == t) {
                return t;
            }
            t = next;
        }
        return t == null ? e : t;
    }
}
