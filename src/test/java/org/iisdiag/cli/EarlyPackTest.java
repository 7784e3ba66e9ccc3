package org.iisdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.iisdiag.diagnosis.Diagnostician;
import org.iisdiag.engine.RuleBaseCache;
import org.iisdiag.pack.RulePackIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pack loading that main begins before the command line is parsed, and when diagnose takes it. */
class EarlyPackTest {
    private static Path rules;
    private static Path kb;
    private static Path cache;

    @BeforeAll
    static void resolveAsTheCommandWould() throws Exception {
        PackResolver resolver = PackResolver.system(); // iisdiag.home is the project (see the pom)
        rules = resolver.rules(null).dir();
        kb = resolver.kb(null).dir();
        cache = RuleBaseCache.defaultDir();
    }

    @Test
    void aDiagnoseThatNamesNoPackGetsTheLoadingBegunForThatSamePackOnce() throws Exception {
        EarlyPack.startIfDiagnose(new String[] {"diagnose", "some/case", "--format", "json"});
        Diagnostician.Loading loading = EarlyPack.take(rules, kb, cache);
        assertThat(loading).isNotNull();
        assertThat(loading.await().knowledgeBase().action("raise-concurrent-request-limit")).isNotNull();
        assertThat(EarlyPack.take(rules, kb, cache)).as("taken once").isNull();
    }

    @Test
    void theEarlyLoadingsReportNamesThePackAsAnyOtherLoading() throws Exception {
        EarlyPack.startIfDiagnose(new String[] {"diagnose", "some/case"});
        Diagnostician.Loading loading = EarlyPack.take(rules, kb, cache);
        assertThat(loading).isNotNull();
        PackResolver resolver = PackResolver.system();
        String expected = RulePackIdentity.of(resolver.rules(null), resolver.kb(null)).reportLine();
        assertThat(loading.await().diagnose(kb.resolve("cases/classic-asp-errors"), "c").tool()).isEqualTo(expected);
    }

    @Test
    void anotherPackOrNoCacheDoesNotTakeIt() {
        EarlyPack.startIfDiagnose(new String[] {"diagnose", "some/case"});
        assertThat(EarlyPack.take(rules.resolveSibling("other-rules"), kb, cache)).isNull();
        EarlyPack.startIfDiagnose(new String[] {"diagnose", "some/case"});
        assertThat(EarlyPack.take(rules, kb, null)).as("--no-cache resolved differently").isNull();
    }

    @Test
    void aCommandThatNamesItsPackOrIsNoDiagnoseBeginsNothing() {
        for (String[] args : new String[][] {{"diagnose", "--rules", "r", "c"}, {"diagnose", "--kb=k", "c"},
                {"diagnose", "--no-cache", "c"}, {"lint"}, {}}) {
            EarlyPack.startIfDiagnose(args);
            assertThat(EarlyPack.take(rules, kb, cache)).as(String.join(" ", args)).isNull();
        }
    }
}
