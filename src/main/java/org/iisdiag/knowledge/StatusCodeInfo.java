package org.iisdiag.knowledge;

import java.util.List;

/**
 * A status or status.substatus from the catalog. {@code substatus} is -1 for the bare status entry
 * that stands in when no exact entry exists.
 */
public record StatusCodeInfo(int status, int substatus, String title, String meaning, String causes, String fix,
                             List<String> fixActions, Severity severity, String component) {

    public String code() {
        return substatus < 0 ? Integer.toString(status) : status + "." + substatus;
    }
}
