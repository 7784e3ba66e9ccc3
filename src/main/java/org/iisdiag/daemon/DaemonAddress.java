package org.iisdiag.daemon;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.iisdiag.engine.CodeIdentity;
import org.iisdiag.engine.RuleBaseCache;

/**
 * Where a daemon serving this installation listens: a Unix domain socket in the cache folder whose name
 * is a hash of everything that decides what a one-shot run would do (the build of the code, the Java
 * runtime, the user, the installation folder and the variables that choose the pack and the cache). A
 * client whose build or environment differs computes another name, finds no daemon and runs in-process,
 * so a daemon never answers for a pack, cache or build other than the one the client would have used.
 */
public record DaemonAddress(Path socket) {
    /** The environment variables a run reads (PackResolver, RuleBaseCache, RuleBase, IisDiag). */
    static final List<String> VARIABLES = List.of("IISDIAG_RULES", "IISDIAG_KB", "IISDIAG_HOME", "IISDIAG_CACHE_DIR",
            "XDG_CACHE_HOME", "IISDIAG_WHOLE_PACK", "IISDIAG_STACK_TRACE");
    /** The system properties a run reads. */
    static final List<String> PROPERTIES = List.of("iisdiag.home", "user.home", "user.name", "java.home",
            "java.vm.version", "os.name", "file.encoding");
    /** sun_path holds 108 bytes on Linux and 104 on macOS; a longer path cannot be bound. */
    static final int MAX_PATH_BYTES = 100;

    /** The address for this process's code, properties and environment. */
    public static DaemonAddress current() {
        return of(System.getenv(), System.getProperties(), RuleBaseCache.defaultDir(), CodeIdentity.of(DaemonAddress.class));
    }

    static DaemonAddress of(Map<String, String> env, Map<Object, Object> properties, Path cacheDir, String code) {
        StringBuilder key = new StringBuilder("iisdiag-daemon 1\0").append(code).append('\0');
        for (String v : VARIABLES) {
            key.append(v).append('=').append(env.getOrDefault(v, "")).append('\0');
        }
        for (String p : PROPERTIES) {
            Object value = properties.get(p);
            key.append(p).append('=').append(value == null ? "" : value).append('\0');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return new DaemonAddress(cacheDir.toAbsolutePath().resolve("daemon-" + HexFormat.of().formatHex(hash, 0, 8) + ".sock"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Whether the socket's path fits the operating system's limit. */
    public boolean bindable() {
        return socket.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_PATH_BYTES;
    }

    /** The daemon's log: what it printed while starting and serving. */
    public Path log() {
        String name = socket.getFileName().toString();
        return socket.resolveSibling(name.substring(0, name.length() - ".sock".length()) + ".log");
    }
}
