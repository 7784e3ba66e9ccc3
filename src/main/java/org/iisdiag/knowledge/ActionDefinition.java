package org.iisdiag.knowledge;

import java.util.List;
import java.util.Map;

/** A remediation action from the catalog: the prose and commands, with {placeholders} still in. */
public record ActionDefinition(String id, String title, String section, ActionKind kind, Level cost, Level risk,
                               boolean changesServerState, Map<String, String> params, String why,
                               List<String> steps, List<String> risks, List<String> revert, List<String> verify,
                               String source) {
}
