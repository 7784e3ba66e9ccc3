package org.iisdiag.evidence.eventlog;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.iisdiag.evidence.Limits;
import org.iisdiag.evidence.xml.SafeXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the {@code <Event>} elements of an event-log XML export with StAX: {@code wevtutil qe /f:xml} output
 * (a sequence of events without a root element), or Event Viewer's "Save as XML" (root {@code <Events>}).
 * The text is always wrapped in a synthetic root, after its XML declaration is blanked (so line numbers
 * stay those of the file).
 *
 * <p>Hardened: a document type declaration is refused before parsing starts (no DTD, no entity
 * expansion, no external entity is ever resolved), and the parser is also configured with DTDs and
 * external entities off. Memory per event is bounded: at most {@link #MAX_DATA} inserts of at most
 * {@link #MAX_TEXT} characters each.
 */
final class EventXmlParser {
    static final int MAX_DATA = 64;

    /** The key of an event's {@code <Binary>} data among its named values (never part of its text). */
    static final String BINARY = "<Binary>";
    static final int MAX_TEXT = 32_768;
    private static final int HEAD_CHARS = 65_536;
    private static final String ROOT = "iisdiag-events";

    /** A document that must not be parsed (a DOCTYPE), with the line it starts on. */
    static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;
        final long line;

        RefusedException(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    /** Not well-formed XML at {@code line}; the events before it were delivered. */
    static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;
        final long line;

        MalformedException(long line, String message) {
            super(message);
            this.line = line;
        }
    }

    private SafeXml.Input xml;

    /** Notes the values cut to {@link Limits#EVENT_VALUE_CHARS}, after {@link #parse}. */
    void noteLimits(org.iisdiag.evidence.ReadReport report) {
        if (xml != null) {
            xml.noteLimits(report, "event-value-chars");
        }
    }

    /** Delivers every event to {@code sink}; returns how many {@code <Event>} elements were seen. */
    long parse(Reader text, Consumer<RawEvent> sink) throws IOException, RefusedException, MalformedException {
        char[] head = new char[HEAD_CHARS];
        int n = text.read(head, 0, head.length);
        if (n < 0) {
            n = 0;
        }
        while (n < head.length) {
            int r = text.read(head, n, head.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        blankDeclaration(head, n);
        Reader wrapped = new ConcatReader(new StringReader("<" + ROOT + ">"), new java.io.CharArrayReader(head, 0, n), text,
                new StringReader("</" + ROOT + ">"));
        xml = SafeXml.open(wrapped, Limits.EVENT_VALUE_CHARS);
        XMLStreamReader r = xml.reader();
        long events = 0;
        try {
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.DTD) {
                    throw new RefusedException(xml.line(), SafeXml.REFUSED);
                }
                if (ev == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("Event")) {
                    events++;
                    sink.accept(event(r, xml.line()));
                }
            }
        } catch (XMLStreamException e) {
            if (SafeXml.refused(e)) {
                throw new RefusedException(xml.line(e), SafeXml.REFUSED);
            }
            throw new MalformedException(xml.line(e), SafeXml.message(e).replace(ROOT, "(root)"));
        } finally {
            xml.close();
        }
        return events;
    }

    /**
     * Blanks the XML declaration (keeping line breaks) and refuses a DOCTYPE in the prolog: wrapping the
     * text in a root would otherwise turn both into errors with less helpful messages.
     */
    private static void blankDeclaration(char[] c, int n) {
        int i = 0;
        long line = 1;
        while (i < n) {
            char ch = c[i];
            if (ch == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(ch) || ch == '\uFEFF') {
                c[i] = ch == '\uFEFF' ? ' ' : ch;
                i++;
            } else if (startsWith(c, n, i, "<?")) {
                int end = indexOf(c, n, i, "?>");
                boolean decl = startsWith(c, n, i, "<?xml") && i + 5 < n && !Character.isLetterOrDigit(c[i + 5]);
                int stop = end < 0 ? n : end + 2;
                for (int k = i; k < stop; k++) {
                    if (c[k] == '\n') {
                        line++;
                    } else if (decl) {
                        c[k] = ' ';
                    }
                }
                i = stop;
            } else if (startsWith(c, n, i, "<!--")) {
                int end = indexOf(c, n, i, "-->");
                int stop = end < 0 ? n : end + 3;
                for (int k = i; k < stop; k++) {
                    if (c[k] == '\n') {
                        line++;
                    }
                }
                i = stop;
            } else {
                return;
            }
        }
    }

    private static boolean startsWith(char[] c, int n, int at, String s) {
        if (at + s.length() > n) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (Character.toUpperCase(c[at + k]) != Character.toUpperCase(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(char[] c, int n, int from, String s) {
        for (int i = from; i + s.length() <= n; i++) {
            if (startsWith(c, n, i, s)) {
                return i;
            }
        }
        return -1;
    }

    private static RawEvent event(XMLStreamReader r, long line) throws XMLStreamException {
        String provider = "";
        int eventId = -1;
        int level = 0;
        String channel = "";
        LocalDateTime time = null;
        String processId = "";
        String computer = "";
        String message = null;
        List<String> data = new ArrayList<>();
        Map<String, String> named = new LinkedHashMap<>();
        // path of local names below <Event>
        List<String> path = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        String dataName = null;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                path.add(name);
                text.setLength(0);
                switch (name) {
                    case "Provider" -> {
                        String p = r.getAttributeValue(null, "Name");
                        if (p == null) {
                            p = r.getAttributeValue(null, "EventSourceName");
                        }
                        if (p != null && path.size() == 2) {
                            provider = p.trim();
                        }
                    }
                    case "TimeCreated" -> time = utc(r.getAttributeValue(null, "SystemTime"));
                    case "Execution" -> {
                        String pid = r.getAttributeValue(null, "ProcessID");
                        processId = pid == null ? "" : pid;
                    }
                    case "Data" -> dataName = r.getAttributeValue(null, "Name");
                    default -> {
                    }
                }
            } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA
                    || ev == XMLStreamConstants.SPACE) {
                int room = MAX_TEXT - text.length();
                if (room > 0) {
                    text.append(r.getTextCharacters(), r.getTextStart(), Math.min(room, r.getTextLength()));
                }
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (path.isEmpty()) {
                    break; // </Event>
                }
                String name = path.remove(path.size() - 1);
                String parent = path.isEmpty() ? "" : path.get(path.size() - 1);
                String value = text.toString();
                if (parent.equals("System")) {
                    switch (name) {
                        case "EventID" -> eventId = parseInt(value, -1);
                        case "Level" -> level = parseInt(value, 0);
                        case "Channel" -> channel = value.trim();
                        case "Computer" -> computer = value.trim();
                        default -> {
                        }
                    }
                } else if (name.equals("Data") && parent.equals("EventData")) {
                    if (dataName != null && !dataName.isEmpty()) {
                        if (named.size() < MAX_DATA) {
                            named.putIfAbsent(dataName, value);
                        }
                    } else if (data.size() < MAX_DATA) {
                        data.add(value);
                    }
                    dataName = null;
                } else if (name.equals("Binary") && parent.equals("EventData") && named.size() < MAX_DATA) {
                    // the event's binary data ("The data is the error."): an HRESULT or Win32 code, little-endian
                    named.putIfAbsent(BINARY, value.strip());
                } else if (path.size() >= 2 && path.get(0).equals("UserData") && named.size() < MAX_DATA) {
                    // manifest events with a UserData template: leaf elements are named values
                    named.putIfAbsent(name, value);
                } else if (name.equals("Message") && parent.equals("RenderingInfo")) {
                    message = value;
                }
                text.setLength(0);
            }
        }
        return new RawEvent(provider, eventId, level, channel, time, true, message, List.copyOf(data), named, processId, line,
                computer);
    }

    private static LocalDateTime utc(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        try {
            return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        } catch (DateTimeParseException e) {
            try {
                // some tools drop the zone; SystemTime is UTC by definition
                return LocalDateTime.parse(t.replace(' ', 'T'));
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    static int parseInt(String s, int otherwise) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** Reads several readers one after the other. */
    private static final class ConcatReader extends Reader {
        private final Reader[] parts;
        private int current;

        ConcatReader(Reader... parts) {
            this.parts = parts;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (current < parts.length) {
                int n = parts[current].read(buf, off, len);
                if (n > 0) {
                    return n;
                }
                if (n < 0) {
                    current++;
                }
            }
            return -1;
        }

        @Override
        public void close() {
            // the caller owns the underlying stream
        }
    }
}
