package org.iisdiag.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.iisdiag.daemon.ResidentPack;
import org.iisdiag.diagnosis.Diagnostician;
import org.iisdiag.engine.FileDigests;
import org.iisdiag.engine.RuleBaseCache;
import org.iisdiag.engine.RuleCompilationException;
import org.iisdiag.knowledge.KnowledgeBaseException;
import org.iisdiag.pack.PackLocation;
import org.iisdiag.pack.RulePackIdentity;
import picocli.CommandLine.Option;

/** The --rules and --kb options every command that loads the rule pack shares. */
public final class RulePackOptions {
    @Option(names = "--rules", paramLabel = "DIR",
            description = "Rule pack folder (default: $IISDIAG_RULES, else $IISDIAG_HOME/rules, else the installation's rules/, else the pack built into the jar).")
    Path rules;

    @Option(names = "--kb", paramLabel = "DIR",
            description = "Knowledge-base folder (default: $IISDIAG_KB, else $IISDIAG_HOME/knowledge-base, else the installation's knowledge-base/, else the pack built into the jar).")
    Path kb;

    @Option(names = "--no-cache", description = "Compile the rules even when a cached build of the same files exists.")
    boolean noCache;

    /** Tests replace it to control the environment. */
    PackResolver resolver = PackResolver.system();

    /** The pack a daemon keeps loaded between runs; null in a one-shot run. Set by {@link IisDiag#commandLine}. */
    ResidentPack resident;
    /** What the pack being loaded is loaded from, for {@link #resident} to keep it under. */
    private ResidentPack.Key loadingKey;

    private PackLocation rulesAt;
    private PackLocation kbAt;

    /** Decides where the rules and catalogs come from; prints why and throws an exit code when it cannot. */
    void resolve(PrintWriter err) throws ExitException {
        if (rulesAt != null) {
            return;
        }
        try {
            rulesAt = resolver.rules(rules);
        } catch (IOException e) {
            err.println("iisdiag: " + e.getMessage());
            throw new ExitException(ExitCodes.RULES_INVALID);
        }
        try {
            kbAt = resolver.kb(kb);
        } catch (IOException e) {
            err.println("iisdiag: " + e.getMessage());
            throw new ExitException(ExitCodes.KNOWLEDGE_BASE_INVALID);
        }
    }

    /** The rules folder in use; {@link #resolve} first. */
    Path rulesDir() {
        return rulesAt.dir();
    }

    /** The knowledge-base folder in use; {@link #resolve} first. */
    Path kbDir() {
        return kbAt.dir();
    }

    /** What every report says produced it: iisdiag, Drools and the rule pack's hash and origin. */
    private String identity(PrintWriter err, FileDigests digests) throws ExitException {
        try {
            return RulePackIdentity.of(rulesAt, kbAt, digests).reportLine();
        } catch (IOException e) {
            err.println("iisdiag: " + e.getMessage());
            throw new ExitException(ExitCodes.KNOWLEDGE_BASE_INVALID);
        }
    }

    /** Loads the pack, printing problems to {@code err}; throws an exit code on failure. */
    Diagnostician load(PrintWriter err) throws ExitException {
        return await(start(err), err);
    }

    /** Starts loading the pack in the background (see {@link Diagnostician#start}); {@link #await} finishes it. */
    Diagnostician.Loading start(PrintWriter err) throws ExitException {
        resolve(err);
        Path cache = noCache ? null : RuleBaseCache.defaultDir();
        if (resident != null) {
            return startResident(err, cache);
        }
        Diagnostician.Loading early = resolver.isSystem() ? EarlyPack.take(rulesDir(), kbDir(), cache) : null;
        if (early != null) {
            return early;
        }
        FileDigests digests = new FileDigests(); // one read of each pack file for the identity and both caches
        CompletableFuture<String> identity = new CompletableFuture<>();
        // the pack starts loading at once; its identity (a hash of every file) is worked out meanwhile
        Diagnostician.Loading loading = Diagnostician.start(rulesDir(), kbDir(), identity, cache, digests);
        identity.complete(identity(err, digests));
        return loading;
    }

    /**
     * In a daemon: the pack it holds when every rule and catalog file hashes as when it was loaded (checked
     * on every run), else a fresh load that it keeps once loaded.
     */
    private Diagnostician.Loading startResident(PrintWriter err, Path cache) throws ExitException {
        FileDigests digests = new FileDigests();
        String identity = identity(err, digests);
        ResidentPack.Key key = new ResidentPack.Key(rulesDir(), kbDir(), cache, identity);
        Diagnostician held = resident.heldFor(key);
        if (held != null) {
            return Diagnostician.Loading.of(held);
        }
        loadingKey = key;
        return Diagnostician.start(rulesDir(), kbDir(), CompletableFuture.completedFuture(identity), cache, digests);
    }

    /** The loaded pack, printing its problems to {@code err}; throws an exit code on failure. */
    Diagnostician await(Diagnostician.Loading loading, PrintWriter err) throws ExitException {
        Diagnostician loaded = awaitLoading(loading, err);
        if (resident != null && loadingKey != null) {
            resident.keep(loadingKey, loaded);
        }
        return loaded;
    }

    private static Diagnostician awaitLoading(Diagnostician.Loading loading, PrintWriter err) throws ExitException {
        try {
            return loading.await();
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
