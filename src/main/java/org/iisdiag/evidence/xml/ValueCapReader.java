package org.iisdiag.evidence.xml;

import java.io.IOException;
import java.io.Reader;
import org.iisdiag.evidence.text.LineMap;

/**
 * Sits between the decoded text of an XML file and the parser and keeps the parser's memory bounded
 * whatever the file holds: it follows just enough of XML's lexical structure (tags, quoted attribute
 * values, text, comments, CDATA sections, processing instructions) to cut every value to a prefix of
 * {@code maxValueChars} characters, dropping the rest, while keeping the document well-formed: the
 * delimiters always pass, an entity reference or a surrogate pair is never cut in half, and comments
 * lose their content (no reader uses it, and cutting one could leave a "--"). It refuses a DOCTYPE
 * the moment it sees one, so no DTD ever reaches the parser.
 *
 * <p>Dropped line breaks are remembered, so {@link #inputLine(long)} turns a line the parser reports
 * back into the line of the file.
 */
final class ValueCapReader extends Reader {
    /** A DOCTYPE (or another markup declaration) at {@code line}: the document is refused. */
    static final class DoctypeException extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;

        DoctypeException(long line) {
            super("DOCTYPE at line " + line);
            this.line = line;
        }
    }

    /** A tag longer than the limit outside its values: cannot be cut without breaking the document. */
    static final class TagTooLongException extends IOException {
        private static final long serialVersionUID = 1L;
        final long line;

        TagTooLongException(long line) {
            super("a tag longer than " + org.iisdiag.evidence.Limits.XML_TAG_CHARS + " characters at line " + line);
            this.line = line;
        }
    }

    private enum State { TEXT, TAG, ATTR, COMMENT, CDATA, PI }

    private static final int MAX_ENTITY = 16;

    private final Reader in;
    private final int maxValueChars;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int lim;
    private boolean eof;

    private final char[] out = new char[1 << 16];
    private int outPos;
    private int outLim;

    private State state = State.TEXT;
    private char quote;
    /** Characters of the current value so far (kept or not). */
    private int runLength;
    /** Value characters kept in the current tag, all attributes together. */
    private int tagValueChars;
    private int tagChars;
    private boolean dropping;
    /** An entity reference held back until its ';' (so it is kept whole or dropped whole). */
    private final char[] entity = new char[MAX_ENTITY];
    private int entityLength;

    private final LineMap lines = new LineMap();

    private long truncated;
    private long firstTruncatedLine;

    ValueCapReader(Reader in, int maxValueChars) {
        this.in = in;
        this.maxValueChars = maxValueChars;
    }

    /** Values that were cut. */
    long truncatedValues() {
        return truncated;
    }

    /** The line of the first value that was cut, 0 when none was. */
    long firstTruncatedLine() {
        return firstTruncatedLine;
    }

    /** The line of the file that the parser's line {@code parserLine} (of the filtered text) is. */
    long inputLine(long parserLine) {
        return lines.inputLine(parserLine);
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (outPos == outLim) {
            outPos = 0;
            outLim = 0;
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, outLim - outPos);
        System.arraycopy(out, outPos, cbuf, off, n);
        outPos += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Processes input until some output is ready; false at the end of the input. */
    private boolean fill() throws IOException {
        while (outLim < out.length - 32) {
            int c = peek(0);
            if (c < 0) {
                flushEntity();
                return outLim > 0;
            }
            switch (state) {
                case TEXT -> text((char) c);
                case TAG -> tag((char) c);
                case ATTR -> attribute((char) c);
                case COMMENT -> comment((char) c);
                case CDATA -> cdata((char) c);
                case PI -> processingInstruction((char) c);
                default -> throw new IllegalStateException();
            }
        }
        return true;
    }

    private void text(char c) throws IOException {
        if (c != '<') {
            value(c);
            return;
        }
        flushEntity();
        if (lookingAt("<!--")) {
            emitMarkup("<!--", State.COMMENT);
        } else if (lookingAt("<![CDATA[")) {
            emitMarkup("<![CDATA[", State.CDATA);
        } else if (lookingAt("<?")) {
            emitMarkup("<?", State.PI);
        } else if (lookingAt("<!")) {
            throw new DoctypeException(lines.currentInputLine());
        } else {
            emitMarkup("<", State.TAG);
            tagValueChars = 0;
            tagChars = 0;
        }
    }

    private void tag(char c) throws IOException {
        consume();
        emit(c);
        if (c == '"' || c == '\'') {
            quote = c;
            startRun(State.ATTR);
        } else if (c == '>') {
            startRun(State.TEXT);
        } else if (++tagChars > org.iisdiag.evidence.Limits.XML_TAG_CHARS) {
            throw new TagTooLongException(lines.currentInputLine());
        }
    }

    private void attribute(char c) throws IOException {
        if (c == quote) {
            flushEntity();
            consume();
            emit(c);
            state = State.TAG;
            return;
        }
        value(c);
    }

    private void comment(char c) throws IOException {
        if (c == '-' && lookingAt("-->")) {
            emitMarkup("-->", State.TEXT);
            return;
        }
        consume();
        dropNewline(c); // comment text is never kept
    }

    private void cdata(char c) throws IOException {
        if (c == ']' && lookingAt("]]>")) {
            emitMarkup("]]>", State.TEXT);
            return;
        }
        value(c);
    }

    private void processingInstruction(char c) throws IOException {
        if (c == '?' && lookingAt("?>")) {
            emitMarkup("?>", State.TEXT);
            return;
        }
        value(c);
    }

    /** One character of a value: kept while the value (and the tag's values) are under the caps. */
    private void value(char c) throws IOException {
        consume();
        if (state != State.CDATA && state != State.PI) {
            if (c == '&') {
                flushEntity();
                entity[entityLength++] = c;
                runLength++;
                return;
            }
            if (entityLength > 0) {
                entity[entityLength++] = c;
                runLength++;
                // ';' ends a reference; anything long or a line break is not one: the parser reports it
                if (c == ';' || c == '\n' || entityLength == MAX_ENTITY) {
                    flushEntity();
                }
                return;
            }
        }
        runLength++;
        if (!dropping && keep(1) && !(Character.isHighSurrogate(c) && !keep(2))) {
            if (state == State.ATTR) {
                tagValueChars++;
            }
            emit(c);
        } else {
            startDropping();
            dropNewline(c);
        }
    }

    private boolean keep(int chars) {
        return runLength - 1 + chars <= maxValueChars
                && (state != State.ATTR || tagValueChars + chars <= org.iisdiag.evidence.Limits.XML_TAG_VALUE_CHARS);
    }

    /** Emits a held entity reference whole if it fits, else drops it whole. */
    private void flushEntity() {
        if (entityLength == 0) {
            return;
        }
        boolean fits = !dropping && runLength <= maxValueChars
                && (state != State.ATTR || tagValueChars + entityLength <= org.iisdiag.evidence.Limits.XML_TAG_VALUE_CHARS);
        if (fits) {
            for (int i = 0; i < entityLength; i++) {
                emit(entity[i]);
            }
            if (state == State.ATTR) {
                tagValueChars += entityLength;
            }
        } else {
            startDropping();
            for (int i = 0; i < entityLength; i++) {
                if (entity[i] == '\n') {
                    lines.dropped();
                }
            }
        }
        entityLength = 0;
    }

    private void startDropping() {
        if (!dropping) {
            dropping = true;
            truncated++;
            if (firstTruncatedLine == 0) {
                firstTruncatedLine = lines.currentInputLine();
            }
        }
    }

    private void dropNewline(char c) {
        if (c == '\n') {
            lines.dropped();
        }
    }

    private void startRun(State next) {
        state = next;
        runLength = 0;
        dropping = false;
        entityLength = 0;
    }

    private void emitMarkup(String s, State next) {
        for (int i = 0; i < s.length(); i++) {
            consume();
            emit(s.charAt(i));
        }
        startRun(next);
    }

    /** Passes on {@code c}, which was read before: a line break counts as passed. */
    private void emit(char c) {
        out[outLim++] = c;
        if (c == '\n') {
            lines.passed();
        }
    }

    /** Moves past the current character; its line break, if it is one, is counted when emitted or dropped. */
    private void consume() {
        pos++;
    }

    private boolean lookingAt(String s) throws IOException {
        for (int i = 0; i < s.length(); i++) {
            if (peek(i) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The character {@code k} ahead of the current one, or -1 past the end. */
    private int peek(int k) throws IOException {
        while (pos + k >= lim) {
            if (eof) {
                return -1;
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) {
                eof = true;
            } else {
                lim += n;
            }
        }
        return buf[pos + k];
    }
}
