package org.iisdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Line numbers from one pass agree with counting newlines before the offset. */
class SourceLinesTest {
    private static int counted(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        return line;
    }

    @Test
    void everyOffsetIsOnTheLineCountingWouldGive() {
        for (String text : new String[] {"", "rule", "a\nb", "\n\nrule x\r\nwhen\n\n  then\nend\n", "x\n"}) {
            SourceLines lines = new SourceLines(text);
            for (int offset = 0; offset <= text.length(); offset++) {
                assertThat(lines.lineOf(offset)).as("%s at %d", text.replace("\n", "\\n"), offset)
                        .isEqualTo(counted(text, offset));
            }
        }
    }
}
