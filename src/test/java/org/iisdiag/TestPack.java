package org.iisdiag;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.iisdiag.diagnosis.Diagnostician;
import org.iisdiag.facts.EvidenceKind;
import org.iisdiag.facts.EvidenceSource;
import org.iisdiag.facts.IisStatusCount;
import org.iisdiag.facts.SampleLine;
import org.iisdiag.facts.TimeTakenRange;
import org.iisdiag.facts.UriCount;

/** The project's own rule pack and knowledge base, and small builders for facts in tests. */
public final class TestPack {
    private static Diagnostician shared;
    private static org.iisdiag.knowledge.KnowledgeBase catalogs;

    private TestPack() {
    }

    public static Path home() {
        String prop = System.getProperty("iisdiag.home");
        return prop == null ? Path.of("").toAbsolutePath() : Path.of(prop);
    }

    public static Path rules() {
        return home().resolve("rules");
    }

    public static Path kb() {
        return home().resolve("knowledge-base");
    }

    public static Path cases() {
        return kb().resolve("cases");
    }

    /** The shipped pack, compiled once per test JVM (compiling costs seconds). */
    public static synchronized Diagnostician diagnosis() {
        if (shared == null) {
            try {
                shared = Diagnostician.load(rules(), kb(), "iisdiag test");
            } catch (Exception e) {
                throw new IllegalStateException("the shipped rule pack must load: " + e.getMessage(), e);
            }
        }
        return shared;
    }

    /** The shipped catalogs alone, loaded once per test JVM (for tests that compile packs of their own). */
    public static synchronized org.iisdiag.knowledge.KnowledgeBase catalogs() {
        if (catalogs == null) {
            try {
                catalogs = org.iisdiag.knowledge.KnowledgeBaseLoader.load(kb());
            } catch (Exception e) {
                throw new IllegalStateException("the shipped knowledge base must load: " + e.getMessage(), e);
            }
        }
        return catalogs;
    }

    static final Instant T0 = Instant.parse("2025-01-09T10:00:00Z");
    static final Instant T1 = Instant.parse("2025-01-09T10:10:00Z");

    public static IisStatusCount iis(String site, int status, int substatus, long win32, long count, String... uris) {
        List<UriCount> top = new ArrayList<>();
        long left = count;
        for (int i = 0; i < uris.length; i++) {
            long c = i == uris.length - 1 ? left : Math.max(1, left / 2);
            top.add(new UriCount(uris[i], c, 0));
            left -= c;
        }
        if (uris.length == 0 && status >= 400) {
            top.add(new UriCount("/app/page", count, 0));
        }
        return new IisStatusCount("", site, status, substatus, win32, count, T0, T1, List.copyOf(top),
                List.of(new SampleLine(site + "/u_ex250109.log", 42,
                        "2025-01-09 10:00:00 10.0.0.10 GET /app/page - 443 - 10.0.0.5 Mozilla/5.0 - " + status + " "
                                + substatus + " " + win32 + " 15")), new TimeTakenRange(count, 15, 15, 15, null));
    }

    public static EvidenceSource source(EvidenceKind kind) {
        return new EvidenceSource(kind, 1, 100);
    }
}
