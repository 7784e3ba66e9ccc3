package org.iisdiag.evidence.har;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.iisdiag.evidence.Tally;
import org.iisdiag.facts.SampleLine;

/**
 * The 3xx entries of HAR captures that one kind of redirect recognises, counted by the key it gives them (at most
 * {@link #MAX_GROUPS} keys; the rest are not recorded).
 */
abstract class RedirectGroups {
    static final int MAX_GROUPS = 50;

    final Map<List<String>, Tally> groups = new LinkedHashMap<>();

    /** The key of a redirect from {@code requestUrl} to {@code location}, or null when it is not this kind. */
    abstract List<String> keyOf(String requestUrl, String location, int status);

    /** Counts one 3xx entry when this kind of redirect recognises it. */
    final void add(JsonNode request, JsonNode response, int status, Instant started, SampleLine sample) {
        String location = CorsPreflights.header(response, "location");
        if (location.isEmpty()) {
            location = response.path("redirectURL").asText("");
        }
        List<String> key = keyOf(request.path("url").asText(""), location, status);
        Tally g = key == null ? null : Tally.groupIn(groups, key, MAX_GROUPS, Tally::new);
        if (g != null) {
            g.seen(started);
            g.sample(sample);
        }
    }
}
