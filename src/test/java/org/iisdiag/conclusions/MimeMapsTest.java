package org.iisdiag.conclusions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iisdiag.TestPack;
import org.iisdiag.facts.UriCount;
import org.iisdiag.knowledge.KnowledgeBase;
import org.iisdiag.knowledge.KnowledgeBaseLoader;
import org.iisdiag.knowledge.MediaType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MimeMapsTest {
    private static KnowledgeBase kb;

    @BeforeAll
    static void load() throws Exception {
        kb = KnowledgeBaseLoader.load(TestPack.kb());
    }

    private static List<UriCount> uris(String... paths) {
        return java.util.Arrays.stream(paths).map(p -> new UriCount(p, 1, 0)).toList();
    }

    @Test
    void theExtensionIsThatOfTheLastPathSegmentBeforeAnyQuery() {
        assertThat(MimeMaps.extension("/assets/fonts/Inter.WOFF2?v=3")).isEqualTo(".woff2");
        assertThat(MimeMaps.extension("/manifest.webmanifest#x")).isEqualTo(".webmanifest");
        assertThat(MimeMaps.extension("/v1.2/items")).isEmpty();
        assertThat(MimeMaps.extension("/file.")).isEmpty();
        assertThat(MimeMaps.extension("/.well-known/security.txt")).isEqualTo(".txt");
    }

    @Test
    void everyUrlMustEndInAStaticExtensionTheCatalogKnows() {
        List<MediaType> types = MimeMaps.missing(kb, uris("/assets/i18n/en.json", "/assets/fonts/inter.woff2",
                "/assets/i18n/de.json", "/manifest.webmanifest"));
        assertThat(types).extracting(MediaType::extension).containsExactly(".json", ".woff2", ".webmanifest");
        assertThat(MimeMaps.extensions(types)).isEqualTo(".json, .woff2, .webmanifest");
        assertThat(MimeMaps.pairsForProse(types)).startsWith(".json as application/json, .woff2 as font/woff2");
        assertThat(MimeMaps.pairsForCommand(types))
                .isEqualTo(".json=application/json .woff2=font/woff2 .webmanifest=application/manifest+json");
        // server-side code, private files and URLs without an extension are not missing MIME maps
        assertThat(MimeMaps.missing(kb, uris("/assets/app.json", "/Service.svc"))).isEmpty();
        assertThat(MimeMaps.missing(kb, uris("/appsettings.yaml"))).isEmpty();
        assertThat(MimeMaps.missing(kb, uris("/api/items"))).isEmpty();
        assertThat(MimeMaps.missing(kb, List.of())).isEmpty();
    }
}
