package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import org.iisdiag.evidence.ReadProgress;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    private final StringWriter screen = new StringWriter();
    private final AtomicLong clock = new AtomicLong();
    private final TerminalProgress progress = new TerminalProgress(new PrintWriter(screen), clock::get);

    @Test
    void redrawsOneLineInPlaceAtMostEveryFewHundredMillisecondsThenErasesIt() {
        progress.start(2, TerminalProgress.LARGE_CASE_BYTES);
        progress.file(1, "W3SVC2/u_ex250109.log");
        assertThat(screen.toString()).isEqualTo("\riisdiag: reading 1/2 W3SVC2/u_ex250109.log, 0 MB");
        progress.bytes(5L << 20);
        assertThat(screen.toString()).as("too soon to redraw").doesNotContain("5 MB");
        clock.addAndGet(TerminalProgress.REDRAW_NANOS);
        progress.bytes(5L << 20);
        assertThat(screen.toString()).endsWith("\riisdiag: reading 1/2 W3SVC2/u_ex250109.log, 5 MB");
        progress.file(2, "env.yaml");
        // a shorter line is padded over the longer one it replaces
        String longest = "iisdiag: reading 1/2 W3SVC2/u_ex250109.log, 5 MB";
        String shorter = "iisdiag: reading 2/2 env.yaml, 0 MB";
        assertThat(screen.toString()).endsWith("\r" + shorter + " ".repeat(longest.length() - shorter.length()));
        progress.done();
        assertThat(screen.toString()).endsWith("\r" + " ".repeat(longest.length()) + "\r");
        assertThat(screen.toString()).doesNotContain("\n");
    }

    @Test
    void smallCasesAndPipesGetNoLineAtAll() {
        progress.start(1, TerminalProgress.LARGE_CASE_BYTES - 1);
        progress.file(1, "u_ex1.log");
        clock.addAndGet(TerminalProgress.REDRAW_NANOS);
        progress.bytes(100);
        progress.done();
        assertThat(screen.toString()).isEmpty();
        assertThat(TerminalProgress.forTerminal(new PrintWriter(screen), false)).isSameAs(ReadProgress.NONE);
    }

    @Test
    void longNamesAreCutFromTheFront() {
        progress.start(1, TerminalProgress.LARGE_CASE_BYTES);
        progress.file(1, "a-very-long-folder-name/with/many/levels/W3SVC12345/u_ex250109.log");
        assertThat(screen.toString()).contains("reading 1/1 ...").contains("W3SVC12345/u_ex250109.log, 0 MB")
                .hasSizeLessThan(80);
    }
}
