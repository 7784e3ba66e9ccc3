package org.iisdiag.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.iisdiag.knowledge.Condition.Verdict;
import org.junit.jupiter.api.Test;

/** When a catalog step applies: the case's values keep, drop, or show a step with its condition spelled out. */
class ConditionTest {
    private static Function<String, String> values(String... kv) {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m::get;
    }

    private static Condition when(String name, String... allowed) {
        return new Condition(Map.of(name, List.of(allowed)), Map.of());
    }

    private static Condition unless(String name, String... denied) {
        return new Condition(Map.of(), Map.of(name, List.of(denied)));
    }

    @Test
    void alwaysShows() {
        assertThat(Condition.ALWAYS.always()).isTrue();
        assertThat(Condition.ALWAYS.evaluate(values())).isEqualTo(Verdict.SHOW);
        assertThat(Condition.ALWAYS.prefix(values())).isEmpty();
        assertThat(Condition.ALWAYS.names()).isEmpty();
    }

    @Test
    void whenKeepsTheStepOnlyForTheListedValues() {
        Condition c = when("stack", "aspnet", "aspnetcore");
        assertThat(c.always()).isFalse();
        assertThat(c.evaluate(values("stack", "aspnetcore"))).isEqualTo(Verdict.SHOW);
        assertThat(c.evaluate(values("stack", "AspNetCore "))).as("case and surrounding blanks do not matter")
                .isEqualTo(Verdict.SHOW);
        assertThat(c.evaluate(values("stack", "classic-asp"))).isEqualTo(Verdict.DROP);
    }

    @Test
    void unlessDropsTheStepForTheListedValues() {
        Condition c = unless("internetFacing", "true");
        assertThat(c.evaluate(values("internetFacing", "true"))).isEqualTo(Verdict.DROP);
        assertThat(c.evaluate(values("internetFacing", "false"))).isEqualTo(Verdict.SHOW);
    }

    @Test
    void anUnknownCaseFactShowsTheStepWithItsConditionSpelledOut() {
        Condition c = new Condition(Map.of("hostingModel", List.of("InProcess")), Map.of("internetFacing", List.of("true")));
        assertThat(c.evaluate(values())).isEqualTo(Verdict.SHOW_WITH_CONDITION);
        assertThat(c.prefix(values())).isEqualTo("If hostingModel is InProcess and internetFacing is not true: ");
        // an empty value is as unknown as a missing one
        assertThat(c.evaluate(values("hostingModel", "", "internetFacing", ""))).isEqualTo(Verdict.SHOW_WITH_CONDITION);
        // only the unknown part is spelled out
        assertThat(c.evaluate(values("hostingModel", "inprocess"))).isEqualTo(Verdict.SHOW_WITH_CONDITION);
        assertThat(c.prefix(values("hostingModel", "inprocess"))).isEqualTo("If internetFacing is not true: ");
        // a known value that contradicts the condition drops the step even when another is unknown
        assertThat(c.evaluate(values("hostingModel", "OutOfProcess"))).isEqualTo(Verdict.DROP);
        assertThat(c.evaluate(values("internetFacing", "TRUE"))).isEqualTo(Verdict.DROP);
        assertThat(c.evaluate(values("hostingModel", "InProcess", "internetFacing", "false"))).isEqualTo(Verdict.SHOW);
        assertThat(c.names()).containsExactly("hostingModel", "internetFacing");
    }

    @Test
    void aConclusionsOwnParameterItLacksIsNotAboutThisCase() {
        // win32 is a parameter of the conclusion, not a fact the case may leave out: without it, a step
        // for a win32 code is about another variant of the problem, and one excluding a code applies
        Condition c = new Condition(Map.of("win32", List.of("12002")), Map.of());
        assertThat(c.evaluate(values())).isEqualTo(Verdict.DROP);
        assertThat(c.evaluate(values("win32", "12002"))).isEqualTo(Verdict.SHOW);
        Condition unless = new Condition(Map.of(), Map.of("win32", List.of("12002", "12029")));
        assertThat(unless.evaluate(values())).isEqualTo(Verdict.SHOW);
        assertThat(unless.evaluate(values("win32", "12029"))).isEqualTo(Verdict.DROP);
        assertThat(unless.evaluate(values("win32", "64"))).isEqualTo(Verdict.SHOW);
    }

    @Test
    void globsMatchRunsOfCharacters() {
        assertThat(when("account", "*$").evaluate(values("account", "CONTOSO\\WEB01$"))).as("a machine account")
                .isEqualTo(Verdict.SHOW);
        assertThat(when("account", "*$").evaluate(values("account", "CONTOSO\\alice"))).isEqualTo(Verdict.DROP);
        assertThat(when("url", "*").evaluate(values("url", "/anything"))).as("* alone: any known value")
                .isEqualTo(Verdict.SHOW);
        assertThat(when("url", "*").evaluate(values())).as("but not an unknown one")
                .isEqualTo(Verdict.DROP);
        assertThat(Condition.glob("iis apppool\\*", "iis apppool\\shoppool")).isTrue();
        assertThat(Condition.glob("*.config", "web.config")).isTrue();
        assertThat(Condition.glob("*.config", "web.config.bak")).isFalse();
        assertThat(Condition.glob("a*b*c", "axxbyyc")).isTrue();
        assertThat(Condition.glob("a*b*c", "axxcyyb")).isFalse();
        // the last part must not overlap what the middle parts used
        assertThat(Condition.glob("ab*b", "ab")).isFalse();
        assertThat(Condition.glob("ab*b", "abb")).isTrue();
        assertThat(Condition.glob("exact", "exactly")).isFalse();
    }

    @Test
    void conditionsAreValuesThatCompareEqual() {
        assertThat(when("stack", "aspnet")).isEqualTo(when("stack", "aspnet")).hasSameHashCodeAs(when("stack", "aspnet"));
        assertThat(when("stack", "aspnet")).isNotEqualTo(unless("stack", "aspnet"));
    }
}
