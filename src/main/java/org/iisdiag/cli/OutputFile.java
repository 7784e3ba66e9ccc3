package org.iisdiag.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Checks an --out path before any work is done, so that a typo in the folder fails at once rather than
 * after minutes of reading logs, and so that a report is never written into the case it describes
 * (the next run would read it as evidence, and --watch would loop on its own output).
 */
final class OutputFile {
    private OutputFile() {
    }

    /**
     * Why {@code out} cannot take the report of case {@code caseArg}, or empty when it can. The files are where
     * {@code at} puts the paths as typed (a daemon runs in another folder than its client); messages name them
     * as typed.
     */
    static Optional<String> problem(Path out, Path caseArg, UnaryOperator<Path> at) {
        Path target = at.apply(out).toAbsolutePath().normalize();
        Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return Optional.of("the folder of " + out + " does not exist");
        }
        if (Files.isDirectory(target)) {
            return Optional.of(out + " is a folder");
        }
        if (!Files.isWritable(folder) || (Files.exists(target) && !Files.isWritable(target))) {
            return Optional.of(out + " is not writable");
        }
        Path realTarget;
        Path realCase;
        try {
            realTarget = folder.toRealPath().resolve(target.getFileName());
            Path caseAt = at.apply(caseArg);
            realCase = Files.exists(caseAt) ? caseAt.toRealPath() : caseAt.toAbsolutePath().normalize();
        } catch (IOException e) {
            return Optional.of("cannot resolve " + out + ": " + e.getMessage());
        }
        if (Files.isDirectory(realCase) ? realTarget.startsWith(realCase) : realTarget.equals(realCase)) {
            return Optional.of(out + " is inside the case " + caseArg
                    + " (the report would be read as evidence next time); write it elsewhere");
        }
        return Optional.empty();
    }
}
