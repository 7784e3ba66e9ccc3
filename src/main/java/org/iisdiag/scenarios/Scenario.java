package org.iisdiag.scenarios;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A regression scenario: evidence in (a case folder and/or inline files and env facts), expectations
 * out. The YAML format is documented in the README ("Regression scenarios").
 */
public record Scenario(String name, String description, Evidence evidence, Expect expect) {

    /** {@code case} is a folder relative to the scenario file; {@code files} maps relative names to content. */
    public record Evidence(@com.fasterxml.jackson.annotation.JsonProperty("case") String caseDir,
                           JsonNode env, Map<String, String> files) {
    }

    /**
     * {@code diagnoses}: ids present or absent; {@code confirmed}: diagnoses that must be concluded as
     * confirmed; {@code notRecommended}: actions a plan named but the case made pointless; {@code severity}:
     * the verdict's severity ("none" when nothing is wrong).
     */
    public record Expect(Ids actions, List<String> order, WithinTop withinTop, Ids diagnoses, List<String> confirmed,
                         List<String> notRecommended, Ids questions, Rules rules, String severity) {
    }

    public record Ids(List<String> present, List<String> absent) {
        List<String> presentOrEmpty() {
            return present == null ? List.of() : present;
        }

        List<String> absentOrEmpty() {
            return absent == null ? List.of() : absent;
        }
    }

    public record WithinTop(Integer n, List<String> actions) {
    }

    public record Rules(List<String> fired, List<String> notFired) {
        List<String> firedOrEmpty() {
            return fired == null ? List.of() : fired;
        }

        List<String> notFiredOrEmpty() {
            return notFired == null ? List.of() : notFired;
        }
    }
}
