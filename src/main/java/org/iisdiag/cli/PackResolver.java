package org.iisdiag.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

import org.iisdiag.engine.RuleBaseCache;
import org.iisdiag.pack.BuiltInPack;
import org.iisdiag.pack.PackLocation;

/**
 * Where the rules/ and knowledge-base/ folders come from, first match wins:
 * <ol>
 * <li>the --rules / --kb option;</li>
 * <li>the IISDIAG_RULES / IISDIAG_KB environment variable;</li>
 * <li>the IISDIAG_HOME environment variable (its rules/ and knowledge-base/);</li>
 * <li>the {@code iisdiag.home} system property, which the launchers set to their own folder, when
 * that folder holds the folder in question (so a release with its folders removed still runs);</li>
 * <li>the pack built into the jar, unpacked under the cache folder.</li>
 * </ol>
 * What the user names explicitly (options, environment) is used as given: a missing folder is an error,
 * never a silent fall-back to another pack.
 */
final class PackResolver {
    static final String RULES_ENV = "IISDIAG_RULES";
    static final String KB_ENV = "IISDIAG_KB";
    static final String HOME_ENV = "IISDIAG_HOME";
    static final String HOME_PROPERTY = "iisdiag.home";
    static final String RULES = "rules";
    static final String KB = "knowledge-base";

    /** The help footer every command that loads the pack shows. */
    static final String ENVIRONMENT_HELP = "%nEnvironment:%n"
            + "  IISDIAG_RULES      rule pack folder, when --rules is not given%n"
            + "  IISDIAG_KB         knowledge-base folder, when --kb is not given%n"
            + "  IISDIAG_HOME       holds rules/ and knowledge-base/ (if both above are unset)%n"
            + "  IISDIAG_CACHE_DIR  compiled rules, unpacked built-in pack (~/.cache/iisdiag)%n"
            + "  IISDIAG_NO_DAEMON  set: diagnose never hands the case to 'iisdiag daemon'%n"
            + "Else the launcher's folder when it holds them, else the pack built into%n"
            + "iisdiag.jar. 'iisdiag --version' shows the pack in use.";

    private final Function<String, String> env;
    private final Function<String, String> properties;
    private final BuiltInPack builtIn;
    private final Supplier<Path> cacheDir;
    private final boolean system;
    private Path unpacked;

    PackResolver(Function<String, String> env, Function<String, String> properties, BuiltInPack builtIn,
                 Supplier<Path> cacheDir) {
        this(env, properties, builtIn, cacheDir, false);
    }

    private PackResolver(Function<String, String> env, Function<String, String> properties, BuiltInPack builtIn,
                         Supplier<Path> cacheDir, boolean system) {
        this.env = env;
        this.properties = properties;
        this.builtIn = builtIn;
        this.cacheDir = cacheDir;
        this.system = system;
    }

    static PackResolver system() {
        return new PackResolver(System::getenv, System::getProperty, BuiltInPack.fromClassPath(), RuleBaseCache::defaultDir,
                true);
    }

    /** Whether this resolver reads the real environment (tests give their own). */
    boolean isSystem() {
        return system;
    }

    PackLocation rules(Path option) throws IOException {
        return resolve(option, RULES_ENV, RULES);
    }

    PackLocation kb(Path option) throws IOException {
        return resolve(option, KB_ENV, KB);
    }

    private PackLocation resolve(Path option, String variable, String folder) throws IOException {
        if (option != null) {
            return PackLocation.folder(option);
        }
        String direct = value(env.apply(variable));
        if (direct != null) {
            return PackLocation.folder(Path.of(direct));
        }
        String home = value(env.apply(HOME_ENV));
        if (home != null) {
            return PackLocation.folder(Path.of(home).resolve(folder));
        }
        String launcherHome = value(properties.apply(HOME_PROPERTY));
        if (launcherHome != null && Files.isDirectory(Path.of(launcherHome).resolve(folder))) {
            return PackLocation.folder(Path.of(launcherHome).resolve(folder));
        }
        return PackLocation.builtIn(builtInRoot().resolve(folder));
    }

    private Path builtInRoot() throws IOException {
        if (unpacked == null) {
            if (builtIn.index() == null) {
                throw new IOException("no rule pack: give --rules and --kb, or set " + HOME_ENV
                        + " (this build of iisdiag carries no built-in pack)");
            }
            Path cache = cacheDir.get();
            try {
                unpacked = builtIn.unpack(cache);
            } catch (IOException e) {
                throw new IOException("cannot unpack the built-in rule pack under " + cache + " (" + e.getMessage()
                        + "); set IISDIAG_CACHE_DIR to a writable folder", e);
            }
        }
        return unpacked;
    }

    private static String value(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
