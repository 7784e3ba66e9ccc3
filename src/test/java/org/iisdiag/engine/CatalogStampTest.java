package org.iisdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.iisdiag.TestPack;
import org.iisdiag.diagnosis.Diagnostician;
import org.iisdiag.knowledge.KbCopy;
import org.iisdiag.knowledge.KnowledgeBaseException;
import org.iisdiag.knowledge.KnowledgeBaseLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema validation of the catalogs runs once per catalog content and build, not at every start. */
class CatalogStampTest {
    @TempDir
    Path temp;

    @Test
    void aStampIsForTheseFilesAsTheyAre() throws Exception {
        KbCopy kb = KbCopy.of(temp.resolve("kb"));
        CatalogStamp stamp = new CatalogStamp(temp.resolve("cache"), KnowledgeBaseLoader.catalogFiles(kb.dir));
        assertThat(stamp.present()).isFalse();
        stamp.write();
        assertThat(stamp.present()).isTrue();
        Files.writeString(kb.file("questions.yaml"), Files.readString(kb.file("questions.yaml")) + "\n# edited\n");
        assertThat(stamp.present()).as("any edit of a catalog asks for validation again").isFalse();
    }

    @Test
    void diagnoseStampsCleanCatalogsAndValidatesEditedOnes() throws Exception {
        KbCopy kb = KbCopy.of(temp.resolve("kb"));
        Path cache = temp.resolve("cache");
        Diagnostician.load(TestPack.rules(), kb.dir, "t", cache);
        assertThat(new CatalogStamp(cache, KnowledgeBaseLoader.catalogFiles(kb.dir)).present())
                .as("a clean load leaves a stamp").isTrue();

        kb.replaceFirst("actions.yaml", "    kind: collect\n", "    kind: collect\n    colour: red\n");
        assertThatThrownBy(() -> Diagnostician.load(TestPack.rules(), kb.dir, "t", cache))
                .isInstanceOf(KnowledgeBaseException.class)
                .hasMessageContaining("unknown field 'colour'");
        assertThat(new CatalogStamp(cache, KnowledgeBaseLoader.catalogFiles(kb.dir)).present())
                .as("no stamp for catalogs with problems").isFalse();
    }

    @Test
    void withoutSchemasOnlyTheChecksAcrossEntriesRun() throws Exception {
        KbCopy kb = KbCopy.of(temp.resolve("kb"));
        kb.replaceFirst("actions.yaml", "    kind: collect\n", "    kind: collect\n    colour: red\n");
        assertThat(KnowledgeBaseLoader.load(kb.dir, false).action("collect-iis-logs"))
                .as("what only a schema says is not checked again when a stamp vouches for the files").isNotNull();
        assertThatThrownBy(() -> KnowledgeBaseLoader.load(kb.dir, true)).isInstanceOf(KnowledgeBaseException.class);
    }
}
