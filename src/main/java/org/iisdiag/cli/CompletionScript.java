package org.iisdiag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.AutoComplete;

/**
 * Build step ({@code CompletionScript FILE}): writes the bash completion script for iisdiag, generated
 * by picocli from the command classes, so it always matches the options this build has.
 */
public final class CompletionScript {
    private CompletionScript() {
    }

    static String bash() {
        StringWriter sink = new StringWriter();
        return AutoComplete.bash(IisDiag.NAME, IisDiag.commandLine(new PrintWriter(sink), new PrintWriter(sink)));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompletionScript FILE");
        }
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, bash(), StandardCharsets.UTF_8);
    }
}
