package org.iisdiag.evidence.eventlog;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iisdiag.evidence.Limits;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.evidence.text.BoundedLineReader;

/**
 * Reads events as Event Viewer gives them in "Copy Details as Text", the form support articles, forum
 * posts and tickets quote them in: a header of {@code Name: value} lines ({@code Log Name}, {@code Source},
 * {@code Date}, {@code Event ID}, {@code Task Category}, {@code Level}, {@code Keywords}, {@code User},
 * {@code Computer}), a {@code Description:} line, the rendered text, and optionally {@code Event Xml:}
 * with the same event as XML. A file may hold many such blocks, each indented alike (as when pasted into
 * a document). Only the header before {@code Description:} is read as the header: an ASP.NET description
 * has an "Event ID:" line of its own (a GUID). {@code Date} is the copying machine's local time in its
 * culture's format, kept as local time as for the CSV exports.
 */
final class EventViewerTextParser {
    /** A header line: indentation, a name made of words, a colon, the value. */
    private static final Pattern HEADER_LINE = Pattern.compile("^(\\s*)(Log Name|Source|Date|Event ID|Task Category|Level"
            + "|Keywords|User|Computer|OpCode|Opcode|Description):[ \\t]*(.*?)\\s*$");
    private static final Pattern EVENT_ID = Pattern.compile("^(\\d{1,9})\\b");
    /** How a block's header is recognised in a file's head: a Source, a numeric Event ID and a Description line. */
    private static final Pattern SOURCE = Pattern.compile("(?m)^\\s*Source:[ \\t]+\\S");
    private static final Pattern NUMERIC_ID = Pattern.compile("(?m)^\\s*Event ID:[ \\t]+\\d+[ \\t]*$");
    private static final Pattern DESCRIPTION = Pattern.compile("(?m)^\\s*Description:[ \\t]*$");

    /** Whether the start of a text file is events copied as text from Event Viewer. */
    static boolean recognise(String head) {
        return SOURCE.matcher(head).find() && NUMERIC_ID.matcher(head).find() && DESCRIPTION.matcher(head).find();
    }

    /** One block's header values and description as they are read. */
    private static final class Block {
        final long line;
        final int indent;
        final Map<String, String> header = new java.util.HashMap<>();
        final StringBuilder description = new StringBuilder();
        boolean inDescription;
        boolean inXml;

        Block(long line, int indent) {
            this.line = line;
            this.indent = indent;
        }
    }

    private long lineNo;
    private String pushedBack;
    private BoundedLineReader lines;

    /** Reads the events of {@code text}, whose first line is line {@code firstLine} of the file; returns how many. */
    long parse(Reader text, long firstLine, ReadReport report, Consumer<RawEvent> sink) throws IOException {
        lines = new BoundedLineReader(text, Limits.LOG_LINE_CHARS);
        lineNo = firstLine - 1;
        long events = 0;
        boolean unreadableTimes = false;
        Block block = null;
        for (String line = next(); line != null; line = next()) {
            Matcher m = HEADER_LINE.matcher(line);
            boolean header = m.matches();
            String name = header ? m.group(2) : "";
            if (header && startsBlock(name, block)) {
                if (block != null) {
                    events += emit(block, report, sink);
                }
                block = new Block(lineNo, m.group(1).length());
            }
            if (block == null) {
                if (!line.isBlank()) {
                    report.reject(lineNo, "text before the first event's header (Log Name: / Source:)");
                }
                continue;
            }
            if (block.inXml) {
                continue; // the same event again as XML: the text above already gave it
            }
            if (block.inDescription) {
                if (line.strip().equals("Event Xml:")) {
                    block.inXml = true;
                } else if (block.description.length() < EventXmlParser.MAX_TEXT) {
                    block.description.append(dedent(line, block.indent)).append('\n');
                }
                continue;
            }
            if (header) {
                if (name.equals("Description")) {
                    block.inDescription = true;
                    if (!m.group(3).isEmpty()) {
                        block.description.append(m.group(3)).append('\n');
                    }
                } else {
                    block.header.putIfAbsent(name.toLowerCase(Locale.ROOT), m.group(3));
                }
            } else if (!line.isBlank()) {
                report.reject(lineNo, "not a 'Name: value' line of an event's header");
            }
        }
        if (block != null) {
            events += emit(block, report, sink);
        }
        report.addLines(lineNo - firstLine + 1);
        if (lines.truncatedLines() > 0) {
            report.note(Limits.note("log-line-chars", Limits.LOG_LINE_CHARS, Limits.number(lines.truncatedLines())
                    + " longer lines were cut"));
        }
        if (events > 0) {
            report.note("Event Viewer text dates are the local time of the machine they were copied on, without a zone");
        }
        return events;
    }

    /**
     * Whether a header line begins a new event: "Log Name:" always does; "Source:" does unless it follows a
     * "Log Name:" of the same block's header, and inside a description only when the next line is its
     * "Date:" (a description may quote a "Source:" of its own).
     */
    private boolean startsBlock(String name, Block block) throws IOException {
        if (name.equals("Log Name")) {
            return true;
        }
        if (!name.equals("Source")) {
            return false;
        }
        if (block == null) {
            return true;
        }
        if (!block.inDescription) {
            return block.header.containsKey("source");
        }
        String following = next();
        pushBack(following);
        return following != null && HEADER_LINE.matcher(following).matches() && following.strip().startsWith("Date:");
    }

    private long emit(Block block, ReadReport report, Consumer<RawEvent> sink) {
        String provider = block.header.getOrDefault("source", "");
        Matcher id = EVENT_ID.matcher(block.header.getOrDefault("event id", ""));
        if (provider.isEmpty() || !id.find()) {
            report.reject(block.line, provider.isEmpty() ? "event without a Source: line"
                    : "event without a numeric Event ID: line");
            return 0;
        }
        String date = block.header.getOrDefault("date", "");
        LocalDateTime when = EventCsvParser.parseTime(date);
        if (when == null && !date.isEmpty()) {
            report.note("unreadable Date: values: those events have no time (the first at line " + block.line + ")");
        }
        sink.accept(new RawEvent(provider, Integer.parseInt(id.group(1)), level(block.header.getOrDefault("level", "")),
                block.header.getOrDefault("log name", ""), when, false, block.description.toString().strip(),
                List.of(), Map.of(), "", block.line, block.header.getOrDefault("computer", "")));
        return 1;
    }

    /** The numeric level of Event Viewer's level names (the XML's Level values); 0 for any other. */
    static int level(String name) {
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "critical" -> 1;
            case "error" -> 2;
            case "warning" -> 3;
            case "information" -> 4;
            case "verbose" -> 5;
            default -> 0;
        };
    }

    /** The line without the block's indentation (at most that many leading white-space characters). */
    private static String dedent(String line, int indent) {
        int i = 0;
        while (i < indent && i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return line.substring(i);
    }

    private String next() throws IOException {
        if (pushedBack != null) {
            String l = pushedBack;
            pushedBack = null;
            lineNo++;
            return l;
        }
        String l = lines.readLine();
        if (l != null) {
            lineNo++;
        }
        return l;
    }

    private void pushBack(String line) {
        if (line != null) {
            pushedBack = line;
            lineNo--;
        }
    }
}
