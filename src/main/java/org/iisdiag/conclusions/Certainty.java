package org.iisdiag.conclusions;

import java.util.Locale;

/**
 * How sure a diagnosis is. CONFIRMED: the evidence names the cause (a specific substatus, a decoded
 * HRESULT, an exception text, a FREB module, a WAS event). PROBABLE: the evidence points at it but
 * another cause could look the same. POSSIBLE: a symptom only; more must be collected.
 */
public enum Certainty {
    CONFIRMED, PROBABLE, POSSIBLE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
