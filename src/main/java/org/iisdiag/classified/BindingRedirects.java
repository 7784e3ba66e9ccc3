package org.iisdiag.classified;

import java.util.List;

import org.iisdiag.facts.BindingRedirect;

/** The binding redirects of the case's configuration that concern one assembly. */
public final class BindingRedirects {
    private BindingRedirects() {
    }

    /** The first redirect (in source order) of {@code assembly} among {@code facts}, or null when none. */
    public static BindingRedirect of(List<?> facts, String assembly) {
        return facts.stream().filter(BindingRedirect.class::isInstance).map(BindingRedirect.class::cast)
                .filter(r -> r.assembly().equalsIgnoreCase(assembly)).min(java.util.Comparator.comparing(BindingRedirect::source))
                .orElse(null);
    }
}
