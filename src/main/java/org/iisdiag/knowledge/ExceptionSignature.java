package org.iisdiag.knowledge;

import java.util.regex.Pattern;

import org.iisdiag.conclusions.Certainty;
import org.iisdiag.facts.RecordEquality;

/**
 * A message an exception or error text carries that names its cause ("Login failed for user
 * 'DOMAIN\HOST$'", "Could not load file or assembly 'X'"), with the diagnosis it supports. Named groups
 * of the pattern ({@code (?<account>...)}) become the diagnosis's parameters.
 */
public record ExceptionSignature(String id, Pattern pattern, String diagnosis, Certainty certainty, String note) implements java.io.Serializable, CatalogEntry {
    @Override
    public String label() {
        return "exception signature " + id;
    }

    @Override public boolean equals(Object other) { return RecordEquality.equal(this, other); }
    @Override public int hashCode() { return RecordEquality.hash(this); }
}
