package org.iisdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InvalidClassException;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Records travel as plain data and come back through their canonical constructor. */
class RecordStreamsTest {
    record Leaf(String name, int weight, List<String> tags) implements Serializable {
        Leaf {
            if (weight < 0) {
                throw new IllegalArgumentException("negative weight");
            }
            tags = List.copyOf(tags);
        }
    }

    record Tree(String id, List<Leaf> leaves, Map<String, Leaf> byName, Leaf favourite) implements Serializable {
    }

    private static byte[] write(Object o) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = RecordStreams.output(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    private static Object read(byte[] bytes, String... allowed) throws Exception {
        try (ObjectInputStream in = RecordStreams.input(new ByteArrayInputStream(bytes), allowed)) {
            return in.readObject();
        }
    }

    @Test
    void nestedRecordsComeBackEqualAndSharedOnesStayShared() throws Exception {
        Leaf oak = new Leaf("oak", 3, List.of("tall", "old"));
        Tree tree = new Tree("t1", List.of(oak, new Leaf("ash", 0, List.of())), Map.of("oak", oak), oak);

        Tree back = (Tree) read(write(tree), "org.iisdiag.engine.");

        assertThat(back).isEqualTo(tree).isNotSameAs(tree);
        assertThat(back.favourite()).as("one object written twice is one object read")
                .isSameAs(back.leaves().get(0)).isSameAs(back.byName().get("oak"));
    }

    @Test
    void theCanonicalConstructorChecksWhatIsRead() throws Exception {
        byte[] bytes = write(new RecordStreams.RecordData(Leaf.class.getName(),
                new Object[] {"bad", -1, List.of()}));
        assertThatThrownBy(() -> read(bytes, "org.iisdiag.engine."))
                .isInstanceOf(InvalidObjectException.class).hasMessageContaining("negative weight");
    }

    @Test
    void onlyRecordsOfTheAllowedPackagesAreRebuilt() throws Exception {
        byte[] leaf = write(new Leaf("oak", 1, List.of()));
        assertThatThrownBy(() -> read(leaf, "org.iisdiag.knowledge."))
                .isInstanceOf(InvalidClassException.class).hasMessageContaining("not a record this stream may rebuild");

        byte[] notARecord = write(new RecordStreams.RecordData("org.iisdiag.engine.CacheEntries", new Object[0]));
        assertThatThrownBy(() -> read(notARecord, "org.iisdiag.engine."))
                .isInstanceOf(InvalidClassException.class).hasMessageContaining("not a serializable record");

        byte[] wrongShape = write(new RecordStreams.RecordData(Leaf.class.getName(), new Object[] {"oak"}));
        assertThatThrownBy(() -> read(wrongShape, "org.iisdiag.engine."))
                .isInstanceOf(InvalidObjectException.class).hasMessageContaining("does not match its data");
    }
}
