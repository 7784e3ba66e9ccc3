package org.iisdiag.evidence.config;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.iisdiag.evidence.ReadReport;

/**
 * Parses an IIS configuration file (web.config, applicationHost.config) with the JDK's StAX parser,
 * hardened, into a small tree of {@link XmlElement}s with line numbers.
 *
 * <p>Hardening: DTDs and external entities are off, and a document with any DOCTYPE is refused as
 * soon as the parser reports it (IIS configuration files never have one; a DTD is how entity-expansion
 * "billion laughs" and external-entity (XXE) attacks work), so nothing is ever expanded or fetched.
 * Depth and element count are capped.
 *
 * <p>Secrets never enter the tree: text content is not kept; {@code <connectionStrings>},
 * {@code <appSettings>} and {@code <machineKey>} are skipped whole; attributes whose name contains
 * "password", "connectionString", "secret" or "pwd", and {@code validationKey}/{@code decryptionKey},
 * are dropped; an {@code <environmentVariable>} keeps its {@code value} only for
 * {@link #DIAGNOSTIC_VARIABLES}; sections encrypted with {@code configProtectionProvider} are skipped
 * with a note.
 */
final class ConfigXml {
    static final int MAX_DEPTH = 100;
    static final int MAX_ELEMENTS = 250_000;
    /** Elements skipped with everything in them: their values are secrets or keys. */
    static final Set<String> SECRET_SECTIONS = Set.of("connectionStrings", "appSettings", "machineKey");
    /** Environment variables whose value is kept (diagnostic switches, not secrets); prefix match for the last. */
    static final List<String> DIAGNOSTIC_VARIABLES =
            List.of("ASPNETCORE_ENVIRONMENT", "ASPNETCORE_DETAILEDERRORS", "ASPNETCORE_MODULE_DEBUG");

    private ConfigXml() {
    }

    /** The parsed root, or null when the file was refused or not well-formed (then {@code report} failed). */
    static XmlElement parse(String file, InputStream in, ReadReport report) {
        XMLStreamReader r = null;
        long line = 1;
        try {
            r = factory().createXMLStreamReader(in);
            Deque<XmlElement> open = new ArrayDeque<>();
            XmlElement root = null;
            int skipDepth = 0; // > 0 while inside a skipped element
            int elements = 0;
            long before = 1; // where the next event starts: the end of the previous one
            long lastLine = 1;
            while (r.hasNext()) {
                int ev = r.next();
                line = r.getLocation().getLineNumber();
                lastLine = Math.max(lastLine, line);
                switch (ev) {
                    case XMLStreamConstants.DTD -> {
                        report.addLines(Math.max(line, 1));
                        long start = Math.max(1, line - r.getText().chars().filter(c -> c == '\n').count());
                        report.fail(file + ":" + start + ": refused: the document has a DOCTYPE (DTD); IIS configuration"
                                + " files never have one, and DTD entities are how entity-expansion (billion laughs) and"
                                + " external-entity (XXE) attacks work. Nothing was expanded or fetched.");
                        return null;
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> {
                        report.fail(file + ":" + line + ": refused: entity reference &" + r.getLocalName() + ";");
                        return null;
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        // inside the root the previous event (whitespace, a tag) ends where this tag starts;
                        // in the prolog whitespace is not reported, so use the end of the root's start tag
                        long tagLine = open.isEmpty() && skipDepth == 0 ? line : before;
                        if (skipDepth > 0) {
                            skipDepth++;
                            break;
                        }
                        if (open.size() >= MAX_DEPTH) {
                            report.fail(file + ":" + tagLine + ": elements nested deeper than " + MAX_DEPTH
                                    + ": not an IIS configuration file; not read");
                            return null;
                        }
                        if (++elements > MAX_ELEMENTS) {
                            report.fail(file + ":" + tagLine + ": more than " + MAX_ELEMENTS + " elements; not read");
                            return null;
                        }
                        String name = r.getLocalName();
                        String provider = r.getAttributeValue(null, "configProtectionProvider");
                        if (provider != null) {
                            report.note(file + ":" + tagLine + ": <" + name + "> is encrypted (configProtectionProvider="
                                    + provider + ") and was skipped");
                            skipDepth = 1;
                            break;
                        }
                        if (SECRET_SECTIONS.contains(name)) {
                            report.note("<" + String.join(">, <", SECRET_SECTIONS.stream().sorted().toList())
                                    + "> and password/connection-string attributes hold secrets and are not read");
                            skipDepth = 1;
                            break;
                        }
                        XmlElement e = new XmlElement(name, tagLine, attributes(r, name));
                        if (open.isEmpty()) {
                            root = e;
                        } else {
                            open.peek().add(e);
                        }
                        open.push(e);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (skipDepth > 0) {
                            skipDepth--;
                        } else {
                            open.pop();
                        }
                    }
                    default -> {
                        // text, comments, processing instructions: never kept
                    }
                }
                before = line;
            }
            report.addLines(lastLine);
            if (root == null) {
                report.fail(file + ": no root element");
            }
            return root;
        } catch (XMLStreamException e) {
            Location loc = e.getLocation();
            long at = loc != null && loc.getLineNumber() > 0 ? loc.getLineNumber() : line;
            report.addLines(at);
            report.fail(file + ":" + at + ": not well-formed XML: " + message(e));
            return null;
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to read
                }
            }
        }
    }

    /** The JDK's own StAX implementation (not whatever the classpath brings), with DTDs and entities off. */
    static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entity '" + systemId + "' refused");
        });
        return f;
    }

    private static String[] attributes(XMLStreamReader r, String element) {
        int n = r.getAttributeCount();
        List<String> kept = new ArrayList<>(n * 2);
        String variable = element.equals("environmentVariable") ? r.getAttributeValue(null, "name") : null;
        for (int i = 0; i < n; i++) {
            String name = r.getAttributeLocalName(i);
            if (secret(name) || (variable != null && name.equals("value") && !diagnosticVariable(variable))) {
                continue;
            }
            kept.add(name);
            kept.add(r.getAttributeValue(i));
        }
        return kept.toArray(String[]::new);
    }

    static boolean secret(String attribute) {
        String a = attribute.toLowerCase(Locale.ROOT);
        return a.contains("password") || a.contains("connectionstring") || a.contains("secret") || a.contains("pwd")
                || a.equals("validationkey") || a.equals("decryptionkey");
    }

    /** Whether an environment variable's value may be kept (names are case-insensitive on Windows). */
    static boolean diagnosticVariable(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        return n.equals(DIAGNOSTIC_VARIABLES.get(0)) || n.equals(DIAGNOSTIC_VARIABLES.get(1))
                || n.startsWith(DIAGNOSTIC_VARIABLES.get(2));
    }

    /** The parser's message without its "ParseError at [row,col]:[3,17]" prefix. */
    private static String message(XMLStreamException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int i = m.indexOf("Message: ");
        return (i >= 0 ? m.substring(i + "Message: ".length()) : m).strip();
    }
}
