package org.iisdiag.facts;

import java.util.List;
import java.util.Locale;

/**
 * An error node.exe wrote to stderr before it ended, read from the log files iisnode keeps for an
 * application ({@code <logDirectory>\<host>-<pid>-stderr-<ms>.txt}, {@code logDirectory} "iisnode" by
 * default), aggregated by (error, code) across files.
 *
 * @param error       the error line ("Error: Cannot find module 'express'"), with the lines of a message that
 *                    continues up to its first stack frame, at most 400 characters
 * @param code        Node's error code ({@code code: 'ERR_DLOPEN_FAILED'}, {@code Error [ERR_X]}), "" when none
 * @param module      the package the error names: the module Node could not find or load (the folder
 *                    under the last node_modules of its path, or the name as required), "" when none
 * @param nodeVersion the Node.js version printed after the stack ("v22.11.0"), "" when not printed
 * @param appFolder   the application folder the stack or module path shows (the part before
 *                    node_modules), "" when none
 * @param files       how many log files held this error
 */
public record NodeProcessError(String error, String code, String module, String nodeVersion, String appFolder,
                               long files, List<SampleLine> samples) implements EvidenceFact {

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "node.exe stderr (%,d file%s): %s", files,
                files == 1 ? "" : "s", error));
        if (!code.isEmpty()) {
            b.append(" [").append(code).append(']');
        }
        if (!nodeVersion.isEmpty()) {
            b.append(", Node.js ").append(nodeVersion);
        }
        return b.toString();
    }

    @Override
    public long occurrences() {
        return files;
    }

    @Override
    public int status() {
        return 0;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
