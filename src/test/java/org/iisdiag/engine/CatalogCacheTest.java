package org.iisdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.iisdiag.TestPack;
import org.iisdiag.diagnosis.Diagnostician;
import org.iisdiag.knowledge.KbCopy;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.KnowledgeBaseException;
import org.iisdiag.knowledge.KnowledgeBaseLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsed catalogs are kept per catalog content and build, and read back instead of the YAML. */
class CatalogCacheTest {
    @TempDir
    Path temp;

    private CatalogCache cacheOf(KbCopy kb) {
        return new CatalogCache(temp.resolve("cache"), KnowledgeBaseLoader.catalogFiles(kb.dir));
    }

    @Test
    void anEntryIsForTheseFilesAsTheyAre() throws Exception {
        KbCopy kb = KbCopy.of(temp.resolve("kb"));
        CatalogCache cache = cacheOf(kb);
        assertThat(cache.read()).isEmpty();
        cache.write(KnowledgeBaseLoader.load(kb.dir));
        assertThat(cache.has()).isTrue();
        assertThat(cache.read()).isPresent();
        Files.writeString(kb.file("questions.yaml"), Files.readString(kb.file("questions.yaml")) + "\n# edited\n");
        assertThat(cache.read()).as("any edit of a catalog asks for the YAML again").isEmpty();
    }

    @Test
    void whatIsReadBackAnswersAsTheParsedCatalogsDo() throws Exception {
        KbCopy kb = KbCopy.of(temp.resolve("kb"));
        KnowledgeBase parsed = KnowledgeBaseLoader.load(kb.dir);
        cacheOf(kb).write(parsed);
        KnowledgeBase read = cacheOf(kb).read().orElseThrow();
        assertThat(read).isNotSameAs(parsed);
        assertThat(read.actions()).containsExactlyInAnyOrderElementsOf(parsed.actions());
        assertThat(read.diagnoses()).containsExactlyInAnyOrderElementsOf(parsed.diagnoses());
        assertThat(read.status(500, 19)).isEqualTo(parsed.status(500, 19));
        assertThat(read.reason("QueueFull")).isEqualTo(parsed.reason("QueueFull"));
        assertThat(read.globals()).isEqualTo(parsed.globals());
    }

    @Test
    void diagnoseKeepsCleanCatalogsAndParsesEditedOnes() throws Exception {
        KbCopy kb = KbCopy.of(temp.resolve("kb"));
        Path cache = temp.resolve("cache");
        Diagnostician.load(TestPack.rules(), kb.dir, "t", cache);
        assertThat(new CatalogCache(cache, KnowledgeBaseLoader.catalogFiles(kb.dir)).read())
                .as("a clean load leaves an entry").isPresent();

        kb.replaceFirst("actions.yaml", "    kind: collect\n", "    kind: collect\n    colour: red\n");
        assertThatThrownBy(() -> Diagnostician.load(TestPack.rules(), kb.dir, "t", cache))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("unknown field 'colour'");
        assertThat(new CatalogCache(cache, KnowledgeBaseLoader.catalogFiles(kb.dir)).has())
                .as("no entry for catalogs with problems").isFalse();
    }

    @Test
    void aDamagedOrForeignEntryIsIgnoredAndTheYamlRead() throws Exception {
        KbCopy kb = KbCopy.of(temp.resolve("kb"));
        CatalogCache cache = cacheOf(kb);
        Files.createDirectories(temp.resolve("cache"));
        Files.write(cache.entry(), new byte[] {1, 2, 3});
        assertThat(cache.read()).as("truncated").isEmpty();
        // a well-formed stream holding a class outside the allowed list is refused by the filter
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(cache.entry()))) {
            out.writeUTF("iisdiag-catalogs-v3");
            out.writeObject(new java.io.File("/etc/passwd"));
        }
        assertThat(cache.read()).as("a class the filter does not allow").isEmpty();
        assertThat(CatalogCache.load(kb.dir, temp.resolve("cache")).action("collect-iis-logs")).isNotNull();
        assertThat(cache.read()).as("the entry is rewritten from the YAML").isPresent();
    }

    @Test
    void withoutSchemasOnlyTheChecksAcrossEntriesRun() throws Exception {
        KbCopy kb = KbCopy.of(temp.resolve("kb"));
        kb.replaceFirst("actions.yaml", "    kind: collect\n", "    kind: collect\n    colour: red\n");
        assertThat(KnowledgeBaseLoader.load(kb.dir, false).action("collect-iis-logs"))
                .as("what only a schema says is not checked without schemas").isNotNull();
        assertThatThrownBy(() -> KnowledgeBaseLoader.load(kb.dir, true)).isInstanceOf(KnowledgeBaseException.class);
    }
}
