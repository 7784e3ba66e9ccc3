package org.iisdiag.evidence.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.iisdiag.evidence.Limits;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.xml.SafeXml;
import org.iisdiag.facts.ConfigNotWellFormed;
import org.iisdiag.facts.XmlProblem;

/**
 * Parses an IIS configuration file (web.config, applicationHost.config) with the JDK's StAX parser,
 * hardened, into a small tree of {@link XmlElement}s with line numbers.
 *
 * <p>Hardening: DTDs and external entities are off, and a document with any DOCTYPE is refused as
 * soon as the parser reports it (IIS configuration files never have one; a DTD is how entity-expansion
 * "billion laughs" and external-entity (XXE) attacks work), so nothing is ever expanded or fetched.
 * Depth and element count are capped.
 *
 * <p>Secrets never enter the tree: text content is not kept; {@code <appSettings>} is skipped whole; of
 * {@code <machineKey>} only whether each key is generated ({@link #MACHINE_KEY}) and the algorithms are kept; a {@code <connectionStrings>} entry keeps only its name, provider and where it connects
 * (server, database, integrated security: {@link ConnectionStringTarget}); attributes whose name contains
 * "password", "connectionString", "secret" or "pwd", and {@code validationKey}/{@code decryptionKey},
 * are dropped; an {@code <environmentVariable>} keeps its {@code value} only for
 * {@link #DIAGNOSTIC_VARIABLES}; sections encrypted with {@code configProtectionProvider} are skipped
 * with a note.
 */
final class ConfigXml {
    static final int MAX_DEPTH = 100;
    /** Elements skipped with everything in them: their values are secrets or keys. */
    static final Set<String> SECRET_SECTIONS = Set.of("appSettings");
    /** Kept as whether each key is generated ("AutoGenerate...") or written out ("(set)"), never the key itself. */
    static final String MACHINE_KEY = "machineKey";
    /** What a written-out key value is kept as. */
    static final String KEY_SET = "(set)";
    /** Its entries keep only where they connect ({@link ConnectionStringTarget}), never the string itself. */
    static final String CONNECTION_STRINGS = "connectionStrings";
    /** Keeps where its sqlConnectionString connects ({@link ConnectionStringTarget}), as a connection string entry does. */
    static final String SESSION_STATE = "sessionState";
    /** Environment variables whose value is kept (diagnostic switches, not secrets); prefix match for the last. */
    static final List<String> DIAGNOSTIC_VARIABLES =
            List.of("ASPNETCORE_ENVIRONMENT", "ASPNETCORE_DETAILEDERRORS", "ASPNETCORE_MODULE_DEBUG");

    private ConfigXml() {
    }

    /**
     * The parsed root, or null when the file was refused or not well-formed (then {@code report} failed).
     * At {@link Limits#CONFIG_ELEMENTS} elements reading stops and the tree read so far is used, with a note.
     */
    static XmlElement parse(String file, InputStream in, ReadReport report) throws IOException {
        return parse(file, in, report, f -> { });
    }

    /**
     * As {@link #parse(String, InputStream, ReadReport)}; a file that is not well-formed XML (not one refused
     * for a DOCTYPE or an entity) is also handed to {@code malformed} with its line and what the parser found
     * there, since IIS cannot parse it either.
     */
    static XmlElement parse(String file, InputStream in, ReadReport report, Consumer<ConfigNotWellFormed> malformed)
            throws IOException {
        SafeXml.Input x = SafeXml.open(in, Limits.CONFIG_VALUE_CHARS);
        XMLStreamReader r = x.reader();
        long lastLine = 1;
        try {
            Deque<XmlElement> open = new ArrayDeque<>();
            XmlElement root = null;
            int skipDepth = 0; // > 0 while inside a skipped element
            int elements = 0;
            while (r.hasNext()) {
                int ev = r.next();
                long line = x.line();
                lastLine = Math.max(lastLine, line);
                switch (ev) {
                    case XMLStreamConstants.DTD -> {
                        // SafeXml refuses a DOCTYPE before the parser sees it; kept should that ever change
                        report.addLines(line);
                        report.fail(file + ":" + line + ": " + SafeXml.REFUSED);
                        return null;
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> {
                        report.fail(file + ":" + line + ": refused: entity reference &" + r.getLocalName() + ";");
                        return null;
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        if (skipDepth > 0) {
                            skipDepth++;
                            break;
                        }
                        if (open.size() >= MAX_DEPTH) {
                            report.fail(file + ":" + line + ": elements nested deeper than " + MAX_DEPTH
                                    + ": not an IIS configuration file; not read");
                            return null;
                        }
                        if (++elements > Limits.CONFIG_ELEMENTS) {
                            report.note(Limits.note("config-elements", Limits.CONFIG_ELEMENTS, "reading stopped at line "
                                    + line + "; the elements before it are used"));
                            report.addLines(line);
                            return root;
                        }
                        String name = r.getLocalName();
                        String provider = r.getAttributeValue(null, "configProtectionProvider");
                        if (provider != null) {
                            report.note(file + ":" + line + ": <" + name + "> is encrypted (configProtectionProvider="
                                    + provider + ") and was skipped");
                            skipDepth = 1;
                            break;
                        }
                        if (SECRET_SECTIONS.contains(name)) {
                            report.note(SECRETS_NOT_READ);
                            skipDepth = 1;
                            break;
                        }
                        boolean connection = !open.isEmpty() && open.peek().name().equals(CONNECTION_STRINGS);
                        boolean machineKey = name.equals(MACHINE_KEY);
                        if (connection || machineKey) {
                            report.note(SECRETS_NOT_READ);
                        }
                        XmlElement e = new XmlElement(name, line, connection ? connectionAttributes(r)
                                : machineKey ? machineKeyAttributes(r)
                                : name.equals(SESSION_STATE) ? sessionStateAttributes(r) : attributes(r, name));
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
            }
            report.addLines(lastLine);
            if (root == null) {
                report.fail(file + ": no root element");
            }
            return root;
        } catch (XMLStreamException e) {
            long at = x.line(e);
            report.addLines(Math.max(at, lastLine));
            report.fail(file + ":" + at + ": " + (SafeXml.refused(e) ? "" : "not well-formed XML: ") + SafeXml.message(e));
            if (!SafeXml.refused(e)) {
                malformed.accept(new ConfigNotWellFormed(file, at, XmlProblem.fromParserMessage(SafeXml.message(e)),
                        file + ":" + at));
            }
            return null;
        } finally {
            x.noteLimits(report, "config-value-chars");
            x.close();
        }
    }

    private static final String SECRETS_NOT_READ = "<appSettings>, the keys of <machineKey> and password/connection-string attributes"
            + " hold secrets and are not read; of <connectionStrings> only each entry's server, database and whether it"
            + " uses integrated security are kept";

    /** A connection-string entry: its name and provider, and from the string only where it connects. */
    private static String[] connectionAttributes(XMLStreamReader r) {
        List<String> kept = new ArrayList<>();
        for (String a : List.of("name", "providerName")) {
            String v = r.getAttributeValue(null, a);
            if (v != null) {
                kept.add(a);
                kept.add(v);
            }
        }
        kept.addAll(ConnectionStringTarget.attributes(r.getAttributeValue(null, "connectionString")));
        return kept.toArray(String[]::new);
    }

    /** The sessionState's attributes without secrets, plus where its SQL Server connection string connects. */
    private static String[] sessionStateAttributes(XMLStreamReader r) {
        List<String> kept = new ArrayList<>(List.of(attributes(r, SESSION_STATE)));
        kept.addAll(ConnectionStringTarget.attributes(r.getAttributeValue(null, "sqlConnectionString")));
        return kept.toArray(String[]::new);
    }

    /** The machineKey's algorithms, and for each key only "AutoGenerate..." (its options) or {@link #KEY_SET}. */
    private static String[] machineKeyAttributes(XMLStreamReader r) {
        List<String> kept = new ArrayList<>();
        for (String a : List.of("validationKey", "decryptionKey", "validation", "decryption")) {
            String v = r.getAttributeValue(null, a);
            if (v == null) {
                continue;
            }
            kept.add(a);
            if (a.endsWith("Key")) {
                String t = v.strip();
                kept.add(t.regionMatches(true, 0, "AutoGenerate", 0, "AutoGenerate".length())
                        && t.matches("(?i)[a-z, ]{0,40}") ? t : KEY_SET);
            } else {
                kept.add(v);
            }
        }
        return kept.toArray(String[]::new);
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
}
