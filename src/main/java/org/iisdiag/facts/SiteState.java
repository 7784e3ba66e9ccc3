package org.iisdiag.facts;

import java.util.List;

/**
 * The state of a site when the case was collected, as {@code appcmd list site} printed it
 * ({@code SITE "Shop" (id:2,bindings:http/*:80:shop.contoso.com,state:Stopped)}).
 *
 * @param id       the site id, -1 when not printed
 * @param bindings the bindings as printed (protocol/address:port:host, comma-separated)
 * @param state    Started, Stopped, Starting, Stopping or Unknown, as printed
 */
public record SiteState(String site, long id, String bindings, String state, List<SampleLine> samples)
        implements SingleObservation {

    public boolean stopped() {
        return state.equalsIgnoreCase("Stopped");
    }

    @Override
    public String describe() {
        return "appcmd shows site " + site + (id >= 0 ? " (id " + id + ")" : "") + " " + state
                + (bindings.isEmpty() ? "" : ", bindings " + bindings);
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
