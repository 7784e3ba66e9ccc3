package org.iisdiag.evidence.w3c;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.iisdiag.evidence.LineProblem;
import org.iisdiag.evidence.ReadReport;
import org.iisdiag.facts.EvidenceKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Block borders: lines longer than a block, a #Fields change and problems keep their file:line. */
class LogIngestTest {
    private static final String FIELDS = "#Fields: date time cs-uri-stem sc-status\n";

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void aLineLongerThanABlockIsOneRejectedLineAndTheNextLinesKeepTheirNumbers(int threads) throws IOException {
        String log = FIELDS + "2025-01-09 10:00:00 /a 200\n"
                + "2025-01-09 10:00:01 /" + "x".repeat(300_000) + " 200\n"
                + "2025-01-09 10:00:02 /b 404\n".repeat(5000)
                + "2025-01-09 10:00:03 /c 5O0\n"
                + "#Fields: date time sc-status cs-uri-stem\n"
                + "2025-01-09 10:00:04 503 /d\n".repeat(5000)
                + "2025-01-09 10:00:05 /" + "y".repeat(100_000); // over-long again, and no newline at the end
        IisLogAggregator agg = new IisLogAggregator();
        ReadReport r = new ReadReport("u.log", EvidenceKind.IIS_W3C_LOG);
        try (LogIngest ingest = new LogIngest(threads, LogLayouts.builtIn(), 64 * 1024)) {
            ingest.read(IisLogReader.FORMAT, agg, new LogSource("u.log", "W3SVC1", ""), in(log), r, e -> {
            });
            ingest.finish();
        }
        assertThat(r.lines()).isEqualTo(1 + 1 + 1 + 5000 + 1 + 1 + 5000 + 1);
        assertThat(r.entries()).isEqualTo(1 + 5000 + 5000);
        assertThat(r.problems()).extracting(LineProblem::line, LineProblem::reason).containsExactly(
                tuple(3L, "line longer than 65536 bytes, skipped"),
                tuple(5004L, "sc-status '5O0' is not a number from 0 to 999"),
                tuple(10_006L, "line longer than 65536 bytes, skipped"));
        assertThat(agg.statusCounts()).extracting(c -> c.status() + " x" + c.count() + " first at "
                + c.samples().get(0).line()).containsExactly("200 x1 first at 2", "404 x5000 first at 4", "503 x5000 first at 5006");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2})
    void aBugInABlockFailsTheReadInsteadOfHangingIt(int threads) {
        LogFormat<IisLogAggregator> failing = new LogFormat<>() {
            @Override
            public LogKind kind() {
                return LogKind.IIS;
            }

            @Override
            public IisLogAggregator newAggregator() {
                return new IisLogAggregator();
            }

            @Override
            public void clear(IisLogAggregator block) {
                block.clear();
            }

            @Override
            public W3cRecordHandler handler(IisLogAggregator block, LogSource source) {
                W3cRecordHandler real = IisLogReader.FORMAT.handler(block, source);
                return new W3cRecordHandler() {
                    @Override
                    public String layout(W3cLayout layout) {
                        return real.layout(layout);
                    }

                    @Override
                    public String record(W3cRecord r) {
                        if (r.text(2).equals("/boom")) {
                            throw new AssertionError("a bug");
                        }
                        return real.record(r);
                    }
                };
            }

            @Override
            public void merge(IisLogAggregator total, IisLogAggregator block, long lineBase) {
                total.merge(block, lineBase);
            }

            @Override
            public long[] counters(IisLogAggregator total) {
                return new long[0];
            }

            @Override
            public void notes(IisLogAggregator total, long[] before, ReadReport report) {
            }
        };
        String log = FIELDS + "2025-01-09 10:00:02 /b 404\n".repeat(20_000) + "2025-01-09 10:00:02 /boom 500\n"
                + "2025-01-09 10:00:02 /b 404\n".repeat(20_000);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            try (LogIngest ingest = new LogIngest(threads, LogLayouts.builtIn(), 64 * 1024)) {
                for (int i = 0; i < 3; i++) { // more blocks than buffers after the failing one
                    ingest.read(failing, new IisLogAggregator(), new LogSource("u" + i + ".log", "", ""), in(log),
                            new ReadReport("u.log", EvidenceKind.IIS_W3C_LOG), e -> {
                            });
                }
                org.assertj.core.api.Assertions.assertThatThrownBy(ingest::finish)
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("a bug");
            }
        });
    }

    private static InputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
