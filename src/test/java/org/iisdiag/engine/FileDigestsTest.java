package org.iisdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One load reads each pack file once; the next load sees every edit. */
class FileDigestsTest {
    @TempDir
    Path temp;

    @Test
    void oneInstanceHashesAFileOnceAndANewOneSeesItsEdit() throws Exception {
        Path file = Files.writeString(temp.resolve("actions.yaml"), "a: 1\n");
        FileDigests load = new FileDigests();
        byte[] first = load.of(file).orElseThrow();

        Files.writeString(file, "a: 2\n");
        assertThat(load.of(temp.resolve("x/../actions.yaml")).orElseThrow())
                .as("within one load, the file as it was first read (under any spelling of its path)")
                .isEqualTo(first);
        assertThat(new FileDigests().of(file).orElseThrow()).as("the next load reads it again").isNotEqualTo(first);
    }

    @Test
    void aMissingFileHasNoDigestAndCallersCannotAlterOne() throws Exception {
        FileDigests load = new FileDigests();
        assertThat(load.of(temp.resolve("absent.yaml"))).isEmpty();
        Path file = Files.writeString(temp.resolve("f"), "x");
        load.of(file).orElseThrow()[0] ^= 1;
        assertThat(load.of(file).orElseThrow()).isEqualTo(new FileDigests().of(file).orElseThrow());
    }
}
