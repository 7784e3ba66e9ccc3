package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli is compiled from its sources with the project (pom.xml, picocli-sources): its own jar is Java 5
 * bytecode, which class-data sharing cannot archive, so every start loaded and verified it again.
 */
class PicocliBuildTest {

    @Test
    void picocliIsBytecodeClassDataSharingCanArchive() throws IOException {
        for (Class<?> c : new Class<?>[] {CommandLine.class, CommandLine.Model.CommandSpec.class, IisDiag.class}) {
            String file = "/" + c.getName().replace('.', '/') + ".class";
            try (InputStream in = c.getResourceAsStream(file)) {
                assertThat(in).as(c.getName()).isNotNull();
                DataInputStream data = new DataInputStream(in);
                assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
                data.readUnsignedShort(); // minor
                assertThat(data.readUnsignedShort()).as("class file major version of " + c.getName())
                        .isEqualTo(61); // Java 17, as the project compiles; CDS needs 50 or later
            }
        }
    }
}
