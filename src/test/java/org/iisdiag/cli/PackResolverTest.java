package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.iisdiag.pack.BuiltInPack;
import org.iisdiag.pack.PackIndex;
import org.iisdiag.pack.PackLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the rules and catalogs come from: options, then environment, then the launcher's folder, then the jar. */
class PackResolverTest {
    @TempDir
    Path tmp;

    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> props = new HashMap<>();
    private BuiltInPack builtIn;

    @BeforeEach
    void jarWithAPack() throws IOException {
        Path jar = Files.createDirectories(tmp.resolve("jar/rules"));
        Files.writeString(jar.resolve("r.drl"), "rule");
        Files.createDirectories(tmp.resolve("jar/knowledge-base"));
        Files.writeString(tmp.resolve("jar/knowledge-base/actions.yaml"), "a");
        Path root = tmp.resolve("jar");
        Files.writeString(root.resolve(PackIndex.FILE_NAME), PackIndex.of(root).format());
        builtIn = new BuiltInPack(p -> Files.isRegularFile(root.resolve(p)) ? Files.newInputStream(root.resolve(p)) : null);
    }

    private PackResolver resolver() {
        return new PackResolver(env::get, props::get, builtIn, () -> tmp.resolve("cache"));
    }

    private Path home(String name) throws IOException {
        Path home = tmp.resolve(name);
        Files.createDirectories(home.resolve("rules"));
        Files.createDirectories(home.resolve("knowledge-base"));
        return home;
    }

    @Test
    void withNothingSetTheJarsPackIsUnpackedAndUsed() throws Exception {
        PackLocation rules = resolver().rules(null);
        assertThat(rules.builtIn()).isTrue();
        assertThat(rules.dir()).startsWith(tmp.resolve("cache/packs")).endsWith(Path.of("rules"));
        assertThat(rules.dir().resolve("r.drl")).hasContent("rule");
        assertThat(resolver().kb(null).dir().resolve("actions.yaml")).hasContent("a");
    }

    @Test
    void theLaunchersFolderWinsOverTheJarWhenItHoldsTheFolder() throws Exception {
        props.put("iisdiag.home", home("release").toString());
        assertThat(resolver().rules(null)).isEqualTo(PackLocation.folder(tmp.resolve("release/rules")));
        // a release whose rules/ was removed still runs, on the pack in its jar
        props.put("iisdiag.home", tmp.resolve("empty").toString());
        assertThat(resolver().rules(null).builtIn()).isTrue();
    }

    @Test
    void environmentWinsOverTheLauncherAndOptionsWinOverAll() throws Exception {
        props.put("iisdiag.home", home("release").toString());
        env.put("IISDIAG_HOME", home("mine").toString());
        assertThat(resolver().rules(null).dir()).isEqualTo(tmp.resolve("mine/rules"));
        assertThat(resolver().kb(null).dir()).isEqualTo(tmp.resolve("mine/knowledge-base"));
        env.put("IISDIAG_RULES", tmp.resolve("just-rules").toString());
        env.put("IISDIAG_KB", tmp.resolve("just-kb").toString());
        assertThat(resolver().rules(null).dir()).isEqualTo(tmp.resolve("just-rules"));
        assertThat(resolver().kb(null).dir()).isEqualTo(tmp.resolve("just-kb"));
        assertThat(resolver().rules(Path.of("opt-rules"))).isEqualTo(PackLocation.folder(Path.of("opt-rules")));
        assertThat(resolver().kb(Path.of("opt-kb"))).isEqualTo(PackLocation.folder(Path.of("opt-kb")));
    }

    @Test
    void whatTheUserNamesIsUsedEvenIfMissingNeverSwappedForAnotherPack() throws Exception {
        env.put("IISDIAG_HOME", tmp.resolve("typo").toString());
        assertThat(resolver().rules(null)).isEqualTo(PackLocation.folder(tmp.resolve("typo/rules")));
    }

    @Test
    void noPackAnywhereIsAClearError() {
        PackResolver none = new PackResolver(env::get, props::get, new BuiltInPack(p -> null), () -> tmp);
        assertThatThrownBy(() -> none.rules(null)).isInstanceOf(IOException.class)
                .hasMessageContaining("no rule pack").hasMessageContaining("IISDIAG_HOME");
    }

    @Test
    void anUnwritableCacheNamesTheVariableThatFixesIt() throws Exception {
        Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
        PackResolver r = new PackResolver(env::get, props::get, builtIn, () -> file);
        assertThatThrownBy(() -> r.rules(null)).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot unpack the built-in rule pack").hasMessageContaining("IISDIAG_CACHE_DIR");
    }
}
