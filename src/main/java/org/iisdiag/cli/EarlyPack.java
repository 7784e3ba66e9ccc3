package org.iisdiag.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.iisdiag.diagnosis.Diagnostician;
import org.iisdiag.engine.FileDigests;
import org.iisdiag.engine.RuleBaseCache;
import org.iisdiag.pack.PackLocation;
import org.iisdiag.pack.RulePackIdentity;

/**
 * Starts loading the rule pack before the command line is parsed, for a {@code diagnose} that names no
 * pack of its own: setting up the command line takes a tenth of a second on one core, while the other
 * core would wait. The pack is found exactly as the command will find it (same resolver, same defaults),
 * and the command takes this loading only when what it resolves is the same folders and cache; otherwise
 * it loads its own and this one is left to the daemon threads it runs on.
 */
final class EarlyPack {
    private static volatile CompletableFuture<Started> started;

    /** A pack loading that began early, with what it was begun for. */
    record Started(Path rulesDir, Path kbDir, Path cacheDir, Diagnostician.Loading loading) {
    }

    private EarlyPack() {
    }

    /** From {@code main}: starts the default pack loading when the arguments are a diagnose that names none. */
    static void startIfDiagnose(String[] args) {
        if (args.length == 0 || !"diagnose".equals(args[0])) {
            return;
        }
        for (String a : args) {
            if (a.startsWith("--rules") || a.startsWith("--kb") || a.equals("--no-cache") || a.equals("--")) {
                return; // the command names its own pack (or stops reading options): let it
            }
        }
        CompletableFuture<Started> future = new CompletableFuture<>();
        CompletableFuture<String> identity = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                PackResolver resolver = PackResolver.system();
                PackLocation rules = resolver.rules(null);
                PackLocation kb = resolver.kb(null);
                if (!Files.isDirectory(rules.dir()) || !Files.isDirectory(kb.dir())) {
                    future.complete(null); // the command resolves the pack itself and says what is missing
                    return;
                }
                FileDigests digests = new FileDigests();
                Path cache = RuleBaseCache.defaultDir();
                // the pack starts loading at once; its identity (a hash of every file) is worked out meanwhile
                future.complete(new Started(rules.dir(), kb.dir(), cache,
                        Diagnostician.start(rules.dir(), kb.dir(), identity, cache, digests)));
                identity.complete(RulePackIdentity.reportLine(rules, kb, digests));
            } catch (IOException | RuntimeException e) {
                future.complete(null); // the command resolves the pack itself and says what is wrong
                identity.completeExceptionally(e); // a loading already handed out fails rather than waits for ever
            }
        }, "iisdiag-early-pack");
        t.setDaemon(true);
        t.start();
        started = future;
    }

    /** The loading begun early for exactly these folders and cache (once), or null. */
    static Diagnostician.Loading take(Path rulesDir, Path kbDir, Path cacheDir) {
        CompletableFuture<Started> future = started;
        started = null;
        if (future == null) {
            return null;
        }
        Started s = future.join();
        if (s == null || !s.rulesDir().equals(rulesDir) || !s.kbDir().equals(kbDir) || cacheDir == null
                || !s.cacheDir().equals(cacheDir)) {
            return null;
        }
        return s.loading();
    }
}
