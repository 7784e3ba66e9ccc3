package org.iisdiag.knowledge;

import java.util.List;

/** An HTTPERR s-reason from the catalog: what HTTP.sys meant and what usually fixes it. */
public record HttpErrReason(String reason, Integer status, String meaning, Triage triage, String fix,
                            List<String> fixActions, boolean appPoolRelated) {
}
