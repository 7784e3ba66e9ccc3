package org.iisdiag.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackIndexTest {
    @TempDir
    Path tmp;

    @Test
    void listsEveryFileWithSizeAndHashInPathOrderAndRoundTrips() throws Exception {
        Files.createDirectories(tmp.resolve("rules/b"));
        Files.writeString(tmp.resolve("rules/b/x.drl"), "x");
        Files.writeString(tmp.resolve("rules/a.drl"), "abc");
        PackIndex index = PackIndex.of(tmp);
        assertThat(index.format()).isEqualTo(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad 3 rules/a.drl\n"
                        + "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881 1 rules/b/x.drl\n");
        assertThat(PackIndex.parse(index.format()).format()).isEqualTo(index.format());
        String before = index.digest();
        Files.writeString(tmp.resolve("rules/a.drl"), "abd");
        assertThat(PackIndex.of(tmp).digest()).isNotEqualTo(before);
    }

    @Test
    void theBuildStepCopiesAfreshLeavingOutHiddenFiles() throws Exception {
        Path source = tmp.resolve("project");
        Files.createDirectories(source.resolve("rules/x"));
        Files.createDirectories(source.resolve("knowledge-base"));
        Files.writeString(source.resolve("rules/x/r.drl"), "rule");
        Files.writeString(source.resolve("rules/.r.drl.swp"), "editor");
        Files.writeString(source.resolve("knowledge-base/actions.yaml"), "a");
        Path pack = tmp.resolve("classes/iisdiag-pack");
        Files.createDirectories(pack.resolve("rules"));
        Files.writeString(pack.resolve("rules/deleted-since.drl"), "stale");
        PackIndex.main(new String[] {source.toString(), pack.toString()});
        assertThat(PackIndex.parse(Files.readString(pack.resolve(PackIndex.FILE_NAME))).entries())
                .extracting(PackIndex.Entry::path).containsExactly("knowledge-base/actions.yaml", "rules/x/r.drl");
        assertThat(pack.resolve("rules/deleted-since.drl")).doesNotExist();
    }

    @Test
    void aDamagedIndexIsAnError() {
        assertThatThrownBy(() -> PackIndex.parse("not an index line\n")).isInstanceOf(IOException.class)
                .hasMessageContaining("index.txt:1");
    }
}
