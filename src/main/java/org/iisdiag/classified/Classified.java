package org.iisdiag.classified;

import java.util.List;

import org.iisdiag.facts.EvidenceFact;

/**
 * A named fact the classification rules derive from raw evidence (an actionable status, an HTTP.sys
 * rejection, an exception that names its cause), in the style of Drools' examples ({@code Person(age <
 * 16)} becomes {@code IsChild}). Later rules decide on it; it carries the evidence it stands for, so a
 * conclusion drawn from it keeps that evidence.
 */
public interface Classified {
    List<EvidenceFact> evidence();
}
