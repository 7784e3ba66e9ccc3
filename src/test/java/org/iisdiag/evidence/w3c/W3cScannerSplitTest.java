package org.iisdiag.evidence.w3c;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The scanner finds spaces and newlines eight bytes at a time and skips words with no byte below '!';
 * this checks it against the plain split of the same lines, with separators at every position of a word
 * and bytes next to the thresholds of that test ('!', tab, CR, bytes above 0x7F).
 */
class W3cScannerSplitTest {
    private static final byte[] ALPHABET = "aZ09!\"#+/-._~\t\u00e9\u00ff".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void splitsLikeAPlainSplitWhateverTheAlignmentOfSeparators() {
        Random random = new Random(20261201);
        for (int round = 0; round < 300; round++) {
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            List<List<String>> expected = new ArrayList<>();
            int lines = 1 + random.nextInt(12);
            for (int l = 0; l < lines; l++) {
                List<String> fields = new ArrayList<>();
                int n = 1 + random.nextInt(20);
                for (int f = 0; f < n; f++) {
                    byte[] value = new byte[1 + random.nextInt(19)];
                    for (int i = 0; i < value.length; i++) {
                        value[i] = ALPHABET[random.nextInt(ALPHABET.length)];
                    }
                    if (f == 0 && value[0] == '#') {
                        value[0] = 'a'; // a line starting with '#' is a directive
                    }
                    fields.add(new String(value, StandardCharsets.ISO_8859_1));
                }
                expected.add(fields);
                block.writeBytes(String.join(" ", fields).getBytes(StandardCharsets.ISO_8859_1));
                block.writeBytes(random.nextBoolean() ? "\r\n".getBytes(StandardCharsets.US_ASCII) : new byte[] {'\n'});
            }
            byte[] buf = block.toByteArray();
            List<List<String>> seen = new ArrayList<>();
            W3cRecordHandler recorder = new W3cRecordHandler() {
                @Override
                public String layout(W3cLayout layout) {
                    return null;
                }

                @Override
                public String record(W3cRecord r) {
                    List<String> fields = new ArrayList<>();
                    for (int f = 0; f < r.fieldCount(); f++) {
                        fields.add(new String(r.buffer(), r.start(f), r.length(f), StandardCharsets.ISO_8859_1));
                    }
                    seen.add(fields);
                    return null;
                }
            };
            // every line is offered under a layout of its own field count: one scanner per line count
            for (int l = 0; l < expected.size(); l++) {
                seen.clear();
                W3cLayout layout = W3cLayout.of(String.join(" ", java.util.Collections.nCopies(expected.get(l).size(), "f")), "test");
                W3cScanner scanner = new W3cScanner(buf, false, layout, recorder, LogLayouts.builtIn(), LogKind.IIS);
                scanner.scan(0, buf.length);
                assertThat(seen).as("round %d line %d of %s", round, l, Arrays.toString(buf)).contains(expected.get(l));
            }
        }
    }
}
