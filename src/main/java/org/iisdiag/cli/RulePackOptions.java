package org.iisdiag.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.iisdiag.diagnosis.Diagnostician;
import org.iisdiag.engine.RuleBaseCache;
import org.iisdiag.engine.RuleCompilationException;
import org.iisdiag.knowledge.KnowledgeBaseException;
import picocli.CommandLine.Option;

/** The --rules and --kb options every command that loads the rule pack shares. */
public final class RulePackOptions {
    @Option(names = "--rules", paramLabel = "DIR", description = "Rule pack folder (default: ${DEFAULT-VALUE}).")
    Path rules = Home.rules();

    @Option(names = "--kb", paramLabel = "DIR", description = "Knowledge-base folder (default: ${DEFAULT-VALUE}).")
    Path kb = Home.knowledgeBase();

    @Option(names = "--no-cache", description = "Compile the rules even when a cached build of the same files exists.")
    boolean noCache;

    /** Loads the pack, printing problems to {@code err}; throws an exit code on failure. */
    Diagnostician load(PrintWriter err) throws ExitException {
        try {
            return Diagnostician.load(rules, kb, IisDiag.versionLine(), noCache ? null : RuleBaseCache.defaultDir());
        } catch (KnowledgeBaseException e) {
            err.println("iisdiag: the knowledge base is invalid:");
            e.problems().forEach(p -> err.println("  " + p));
            throw new ExitException(ExitCodes.KNOWLEDGE_BASE_INVALID);
        } catch (RuleCompilationException e) {
            err.println("iisdiag: the rules failed to compile:");
            e.problems().forEach(p -> err.println("  " + p));
            throw new ExitException(ExitCodes.RULES_INVALID);
        }
    }
}
