package org.iisdiag.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SourceIndexTest {
    private static final String A = """
            package iisdiag.rules;

            rule "A \\"quoted\\" name"
                @id("a.one") @section("general-500")
            when
            then
                diagnose(kcontext, "d.one", "x");
            end

            rule plain
            when
            then
                know(kcontext, $t, "r.one", "y");
                ask(kcontext, $on ? "q.yes" : "q.no");
                diagnose(kcontext, $s.diagnosis(), "z");
            end
            """;
    private static final String B = """
            rule "no package"
            when
            then
                planAnswer(kcontext, $q, "act.one");
            end
            """;

    private static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("rules/a.drl", A);
        sources.put("rules/b.drl", B);
        return sources;
    }

    @Test
    void locatesRulesByPackageAndName() {
        SourceIndex index = SourceIndex.of(sources());
        assertThat(index.where("iisdiag.rules", "A \"quoted\" name")).isEqualTo(new SourceIndex.Location("rules/a.drl", 3));
        assertThat(index.where("iisdiag.rules", "plain")).isEqualTo(new SourceIndex.Location("rules/a.drl", 10));
        assertThat(index.where("defaultpkg", "no package")).isEqualTo(new SourceIndex.Location("rules/b.drl", 1));
        assertThat(index.where("other", "plain")).isNull();
    }

    @Test
    void keepsEachFilesCatalogReferencesInFileOrder() {
        SourceIndex index = SourceIndex.of(sources());
        assertThat(index.references().keySet()).containsExactly("rules/a.drl", "rules/b.drl");
        assertThat(index.references().get("rules/a.drl")).isEqualTo(CatalogReferences.scan(A));
        assertThat(index.references().get("rules/a.drl")).extracting(CatalogReferences.Reference::id)
                .containsExactly("d.one", "r.one", "q.yes", "q.no", null);
        assertThat(index.references().get("rules/b.drl")).extracting(CatalogReferences.Reference::kind)
                .containsExactly(CatalogReferences.Kind.ACTION);
    }

    @Test
    void readsBackWhatItWrote() throws IOException {
        SourceIndex index = SourceIndex.of(sources());
        SourceIndex read = SourceIndex.readFrom(new DataInputStream(new ByteArrayInputStream(bytes(index))));
        assertThat(read.references()).isEqualTo(index.references());
        for (String[] rule : new String[][] {{"iisdiag.rules", "A \"quoted\" name"}, {"iisdiag.rules", "plain"},
                {"defaultpkg", "no package"}}) {
            assertThat(read.where(rule[0], rule[1])).isEqualTo(index.where(rule[0], rule[1]));
        }
        assertThat(bytes(read)).isEqualTo(bytes(index)); // and writes the same bytes again
    }

    @Test
    void aTruncatedIndexIsAnError() throws IOException {
        byte[] all = bytes(SourceIndex.of(sources()));
        byte[] cut = Arrays.copyOf(all, all.length - 3);
        assertThatThrownBy(() -> SourceIndex.readFrom(new DataInputStream(new ByteArrayInputStream(cut))))
                .isInstanceOf(IOException.class);
    }

    private static byte[] bytes(SourceIndex index) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(out)) {
            index.writeTo(data);
        }
        return out.toByteArray();
    }
}
