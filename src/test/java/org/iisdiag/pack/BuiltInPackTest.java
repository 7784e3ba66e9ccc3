package org.iisdiag.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.iisdiag.TestPack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pack carried in the jar: indexed at build time, unpacked once, always exactly what the jar holds. */
class BuiltInPackTest {
    @TempDir
    Path tmp;

    /** A pack folder as the build writes it into the jar (files plus index), served as resources. */
    private BuiltInPack pack(Path root, AtomicInteger opens) throws IOException {
        Files.writeString(root.resolve(PackIndex.FILE_NAME), PackIndex.of(root).format());
        return new BuiltInPack(path -> {
            opens.incrementAndGet();
            Path p = root.resolve(path);
            return Files.isRegularFile(p) ? Files.newInputStream(p) : null;
        });
    }

    private Path sourcePack() throws IOException {
        Path root = tmp.resolve("jar");
        write(root.resolve("rules/a/one.drl"), "rule one");
        write(root.resolve("knowledge-base/actions.yaml"), "actions: []");
        return root;
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    @Test
    void unpacksOnceIntoAFolderNamedByItsContentAndReusesIt() throws Exception {
        AtomicInteger opens = new AtomicInteger();
        BuiltInPack pack = pack(sourcePack(), opens);
        Path first = pack.unpack(tmp.resolve("cache"));
        assertThat(first.getParent()).isEqualTo(tmp.resolve("cache/packs"));
        assertThat(first.getFileName().toString()).isEqualTo(pack.index().digest().substring(0, 16));
        assertThat(Files.readString(first.resolve("rules/a/one.drl"))).isEqualTo("rule one");
        int afterFirst = opens.get();
        assertThat(pack.unpack(tmp.resolve("cache"))).isEqualTo(first);
        assertThat(opens.get() - afterFirst).as("only the index is read again").isEqualTo(1);
        try (var leftovers = Files.list(tmp.resolve("cache/packs"))) {
            assertThat(leftovers).containsExactly(first);
        }
    }

    @Test
    void anEditedOrExtendedCopyIsReplacedByTheJarsContent() throws Exception {
        BuiltInPack pack = pack(sourcePack(), new AtomicInteger());
        Path dir = pack.unpack(tmp.resolve("cache"));
        Files.writeString(dir.resolve("rules/a/one.drl"), "rule edited by hand");
        assertThat(Files.readString(pack.unpack(tmp.resolve("cache")).resolve("rules/a/one.drl"))).isEqualTo("rule one");
        write(dir.resolve("rules/a/added.drl"), "rule added");
        assertThat(pack.unpack(tmp.resolve("cache")).resolve("rules/a/added.drl")).doesNotExist();
        Files.delete(dir.resolve("knowledge-base/actions.yaml"));
        assertThat(pack.unpack(tmp.resolve("cache")).resolve("knowledge-base/actions.yaml")).hasContent("actions: []");
    }

    @Test
    void aNewBuildGetsItsOwnFolder() throws Exception {
        Path source = sourcePack();
        Path v1 = pack(source, new AtomicInteger()).unpack(tmp.resolve("cache"));
        write(source.resolve("rules/a/one.drl"), "rule one, version 2");
        Path v2 = pack(source, new AtomicInteger()).unpack(tmp.resolve("cache"));
        assertThat(v2).isNotEqualTo(v1);
        assertThat(v1.resolve("rules/a/one.drl")).hasContent("rule one");
        assertThat(v2.resolve("rules/a/one.drl")).hasContent("rule one, version 2");
    }

    @Test
    void aJarWhoseFilesDoNotMatchItsIndexIsAnError() throws Exception {
        Path source = sourcePack();
        BuiltInPack pack = pack(source, new AtomicInteger());
        Files.writeString(source.resolve("rules/a/one.drl"), "changed after indexing");
        assertThatThrownBy(() -> pack.unpack(tmp.resolve("cache"))).isInstanceOf(IOException.class)
                .hasMessageContaining("rules/a/one.drl does not match its index");
        try (var leftovers = Files.list(tmp.resolve("cache/packs"))) {
            assertThat(leftovers).as("no half-written pack is left").isEmpty();
        }
    }

    @Test
    void aBuildWithoutAPackSaysSo() throws Exception {
        BuiltInPack none = new BuiltInPack(path -> null);
        assertThat(none.index()).isNull();
        assertThatThrownBy(() -> none.unpack(tmp)).hasMessageContaining("carries no built-in rule pack");
    }

    @Test
    void theBuildsPackIsTheProjectsRulesAndKnowledgeBase() throws Exception {
        // target/classes/iisdiag-pack, written by the build (PackIndex.main) before the tests run
        BuiltInPack classPath = BuiltInPack.fromClassPath();
        assertThat(classPath.index()).as("the build writes the pack into the classes").isNotNull();
        Path root = classPath.unpack(tmp.resolve("cache"));
        RulePackIdentity builtIn = RulePackIdentity.of(PackLocation.builtIn(root.resolve("rules")),
                PackLocation.builtIn(root.resolve("knowledge-base")));
        RulePackIdentity project = RulePackIdentity.of(PackLocation.folder(TestPack.rules()), PackLocation.folder(TestPack.kb()));
        assertThat(builtIn.sha256()).isEqualTo(project.sha256());
        assertThat(builtIn.line()).endsWith("(built-in)");
        assertThat(root.resolve("knowledge-base/cases/503-rapid-fail/env.yaml")).exists();
    }
}
